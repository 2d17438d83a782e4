"""Translation and publishing workflow: source essay → PO catalogs → checks → PDF/DOCX."""

__version__ = "0.1.0"
