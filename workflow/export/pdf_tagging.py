"""The last PDF/UA step after WeasyPrint: page furniture as artifacts, Japanese passages
with their language.

* WeasyPrint (70) tags the text of page margin boxes (running heads, folios) as marked
  content with an MCID, but keeps the structure elements it makes for them out of the
  structure tree.  PDF/UA wants every piece of content either in the tree or marked as an
  artifact, so each marked sequence that no element of the tree claims becomes
  ``/Artifact BMC`` and leaves the parent tree.
* WeasyPrint writes no ``/Lang`` on structure elements.  The HTML therefore sets a passage
  in another language (the Japanese source standing in for an untranslated segment of a
  draft) as ``<a lang="ja">`` without ``href``, the one inline element that gets a structure
  element of its own kind (``/Link``, with no annotation); here each such element becomes a
  ``/Span`` with ``/Lang (ja)``.

Done with pikepdf (qpdf) and saved with a content-derived ``/ID``, so the same input gives
the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pikepdf

_ARTIFACT = pikepdf.Name("/Artifact")
_BMC = pikepdf.Operator("BMC")


def finish_tags(data: bytes, passage_lang: str) -> bytes:
    """The PDF *data* with page furniture as artifacts and the source-language passages
    (``<a lang="…">``, see the module docstring) tagged *passage_lang*."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return data
        for element in structure_elements(tree.get("/K")):
            if element.S == "/Link" and not _has_annotation(element):
                element.S = pikepdf.Name("/Span")
                element.Lang = pikepdf.String(passage_lang)
        claimed = set(_claimed_mcids(tree.get("/K"), None))
        parent_tree = _parent_tree(tree)
        for page in pdf.pages:
            orphans = _rewrite_page(pdf, page, claimed)
            entries = parent_tree.get(int(page.obj.get("/StructParents", -1)))
            if entries is None:
                continue
            for mcid in orphans:
                if mcid < len(entries):
                    entries[mcid] = pikepdf.Object.parse(b"null")
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def structure_elements(node: object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under *node*, depth first."""
    if isinstance(node, pikepdf.Array):
        for child in node:
            yield from structure_elements(child)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        yield from structure_elements(node.get("/K"))


def _has_annotation(element: pikepdf.Dictionary) -> bool:
    found = element.get("/K")
    kids = found if isinstance(found, pikepdf.Array) else [found]
    return any(isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR" for kid in kids)


def _claimed_mcids(node: object, page: Any) -> Iterator[tuple[tuple[int, int], int]]:
    """``(page objgen, MCID)`` of every marked-content reference in the structure tree."""
    if isinstance(node, pikepdf.Array):
        for child in node:
            yield from _claimed_mcids(child, page)
    elif isinstance(node, int) and page is not None:
        yield page.objgen, int(node)
    elif isinstance(node, pikepdf.Dictionary):
        page = node.get("/Pg", page)
        if "/MCID" in node:  # a marked-content reference dictionary
            yield page.objgen, int(node.MCID)
        elif "/S" in node:
            yield from _claimed_mcids(node.get("/K"), page)


def _parent_tree(tree: Any) -> dict[int, pikepdf.Array]:
    """The flat ``/Nums`` of the parent tree: StructParents key → array indexed by MCID."""
    nums: Any = tree.get("/ParentTree", {}).get("/Nums", [])
    return {
        int(nums[i]): nums[i + 1]
        for i in range(0, len(nums) - 1, 2)
        if isinstance(nums[i + 1], pikepdf.Array)
    }


def _rewrite_page(
    pdf: pikepdf.Pdf, page: pikepdf.Page, claimed: set[tuple[tuple[int, int], int]]
) -> list[int]:
    """Turn the page's unclaimed marked sequences into artifacts; return their MCIDs."""
    orphans = []
    instructions = []
    for instruction in pikepdf.parse_content_stream(page):
        operands, operator = instruction.operands, instruction.operator
        properties = operands[1] if str(operator) == "BDC" and len(operands) == 2 else None
        mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
        if mcid is not None and (page.obj.objgen, int(mcid)) not in claimed:
            orphans.append(int(mcid))
            instructions.append(pikepdf.ContentStreamInstruction([_ARTIFACT], _BMC))
        else:
            instructions.append(pikepdf.ContentStreamInstruction(operands, operator))
    if orphans:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
    return orphans
