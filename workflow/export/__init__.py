"""Publishing: translated documents as PDF (WeasyPrint) and DOCX (python-docx).

Stages: :mod:`workflow.assemble` builds the translated document, :mod:`.fonts` proves the
fonts cover it, :mod:`.pdf` and :mod:`.docx` render it, :mod:`.pipeline` decides what needs
rebuilding and writes the files.
"""

from workflow.export.pipeline import FORMATS, ExportResult, export_project

__all__ = ["FORMATS", "ExportResult", "export_project"]
