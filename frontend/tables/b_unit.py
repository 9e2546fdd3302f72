"""B-type encodings."""

TYPE = "B"

FORMATS = r"""
"""

ROWS = r"""
"""
