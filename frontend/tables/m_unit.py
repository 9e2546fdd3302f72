"""M-type encodings."""

TYPE = "M"

FORMATS = r"""
"""

ROWS = r"""
"""
