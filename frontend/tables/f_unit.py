"""F-type encodings."""

TYPE = "F"

FORMATS = r"""
"""

ROWS = r"""
"""
