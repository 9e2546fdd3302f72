"""The encoding tables: the one place that knows IA-64 bit layouts.

One module per instruction type (A, I, M, B, F, X).  Each defines TYPE,
FORMATS and ROWS in the notation described in frontend/encoding.py, and
optionally STYLES (extra operand print styles).
"""

from . import a_unit, i_unit, m_unit, m_mem, m_sys, b_unit, f_unit, x_unit

TABLES = (a_unit, i_unit, m_unit, m_mem, m_sys, b_unit, f_unit, x_unit)
