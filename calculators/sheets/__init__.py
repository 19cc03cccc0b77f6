"""Spreadsheet versions of the models: each model's workbook layout in formulas, declared in Python.

A module per model here (``familie.py``, ``investeringsmote.py``, ``utenforskap.py``; shared parts
in ``cells.py``) gives two things from one place:

- ``layout(model, texts)``: the sheets, cell by cell, at build time. A formula cell names the
  stored value that goes with it (``{"f": formula, "k": key, "i": index}``); a scenario cell says
  which of the reader's numbers fills it (``{"in": input id}``, ``{"o": output id}``). A result
  whose «none» is −1 in the model carries ``"none"``: the page's words, which its formula gives
  and eksport.js stores instead of −1 (``cells.in_words``).
- ``values(v)``: those stored values for a scenario, in the translatable subset, so the browser
  computes them with the same code as Python; the file then shows the page's numbers in a viewer
  that does not recalculate.

``calculators/runtime/eksport.js`` only writes the cells as XML; ``tests/calculators/
test_sheet_<id>.py`` writes the workbook with openpyxl, changes inputs, lets LibreOffice
recalculate and compares every result with the Python model.
"""

from calculators.sheets import familie, investeringsmote, utenforskap

LAYOUTS = {"familie": familie, "investeringsmote": investeringsmote, "utenforskap": utenforskap}
"""Model id → its sheet module; ``calculators/site/eksport.py`` refuses a model without one."""
