"""``policyparse diff``: what changed between two versions of a policy, provision by provision.

compare.py builds the diff as JSON data from two document records (align.py decides which
provision is which, changes.py what changed inside one, keys.py what is compared); the
outputs lay that data out: terminal.py with rich, html.py as one self-contained page,
jsonout.py as JSON or JSON Lines. Only the diff command imports this package.
"""

from __future__ import annotations

from .compare import STATUSES, compare, diff_records

__all__ = ["STATUSES", "compare", "diff_records"]
