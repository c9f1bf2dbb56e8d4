"""Data files: the policy dictionary and stop words for keywords."""
