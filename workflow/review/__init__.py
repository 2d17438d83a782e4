"""Review in Word: a bilingual review document out, the reviewer's changes back in.

Pipeline: :mod:`rows` (PO entries → rows with state, terms, findings, fingerprints) →
:mod:`writer` (rows → DOCX, identity in :mod:`properties`) … reviewer edits in Word or
LibreOffice … :mod:`reader` (DOCX → rows as left) → :mod:`merge` (three-way merge into the
catalog).  :mod:`run` ties them to a project.
"""
