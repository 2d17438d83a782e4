"""Publishing: translated documents as PDF (WeasyPrint) and DOCX (python-docx).

Stages: :mod:`workflow.export.assemble` builds the translated document, :mod:`.fonts` proves the
fonts cover it, :mod:`.pdf` and :mod:`.docx` render it, :mod:`.pipeline` decides what needs
rebuilding and writes the files.
"""

FORMATS = ("pdf", "docx")
