"""``policyparse batch``: a folder tree of documents → a mirrored tree of outputs."""
