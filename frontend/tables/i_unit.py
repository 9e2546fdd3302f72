"""I-type encodings."""

TYPE = "I"

FORMATS = r"""
"""

ROWS = r"""
"""
