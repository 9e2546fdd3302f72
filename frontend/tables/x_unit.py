"""X-type encodings."""

TYPE = "X"

FORMATS = r"""
"""

ROWS = r"""
"""
