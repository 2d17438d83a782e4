"""Markup in translations prints as text: nothing is fetched, attached or left unparsable."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from lxml import etree

from tests.export_samples import TRANSLATIONS, make_project, write_catalog
from tests.test_export import pdf_objects, squash
from workflow.cli import main
from workflow.export import pdf as pdf_export
from workflow.export.assemble import MAX_SEGMENT_CHARS


def raw_text(path: Path) -> str:
    """The PDF's text in content-stream order (long URLs confuse the layout analysis)."""
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def payloads(base: str) -> list[str]:
    return [
        "<b>Bold</b> <script>alert(1)</script>",
        f"<style>@import url({base}/import.css); body {{ background: url({base}/bg.png) }}</style>",
        '<span style="background-image: url(file:///etc/hostname)">styled</span>',
        '<link rel="attachment" href="file:///etc/hostname">',
        f'<img src="{base}/img.png"> file:///etc/hostname',
        f'<a href="{base}/page">link</a> <object data="file:///etc/passwd"></object>',
        f'<link rel="stylesheet" href="{base}/sheet.css"> &amp; &lt;b&gt;',
    ]


def test_markup_renders_literally_and_fetches_nothing(tmp_path, server, monkeypatch) -> None:
    fetched: list[str] = []
    original = pdf_export.AssetFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf_export.AssetFetcher, "fetch", spy)
    project = make_project(tmp_path / "project")
    texts = payloads(server)
    write_catalog(project, "en", TRANSLATIONS["en"][:4] + texts)  # the body segments
    # --draft: a final export refuses markup in translations (check Q113) before rendering
    assert main(["--project", str(project.root), "export", "--lang", "en", "--draft"]) == 0
    assert fetched == ["workflow-asset:export.css"]  # the package's own stylesheet only
    assert Recorder.requests == []
    pdf = project.export_path("en", "118", "pdf")
    in_pdf = squash(raw_text(pdf))
    for text in texts:
        assert squash(text) in in_pdf, text
    assert b"/EmbeddedFile" not in pdf_objects(pdf) and b"/URI" not in pdf_objects(pdf)
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True)
    assert listing.stdout.strip() == "0 embedded files"
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    docx = project.export_path("en", "118", "docx")
    with zipfile.ZipFile(docx) as archive:
        body = b""
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                data = archive.read(name)
                etree.fromstring(data, parser)  # raises on anything malformed
                assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data
                body += data if name == "word/document.xml" else b""
    document_text = "".join(etree.fromstring(body, parser).itertext())
    for text in texts:
        assert text in document_text, text


MEASURE = """
import resource, runpy, sys
peak_file, sys.argv = sys.argv[1], ["workflow", *sys.argv[2:]]
try:
    runpy.run_module("workflow", run_name="__main__")
finally:
    with open(peak_file, "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def run_measured(
    tmp_path: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run the CLI in a child; return the result, seconds and the child's own peak MiB."""
    peak_file = tmp_path / "peak-kib"
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(peak_file), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return run, time.monotonic() - started, int(peak_file.read_text()) / 1024


def test_overlong_translation_is_refused_quickly_with_its_line(tmp_path) -> None:
    """A 1 MB paragraph is refused at assembly, naming its PO line; time and memory bounded."""
    project = make_project(tmp_path / "project")
    word = "metallurgy " * 9_000
    text = word * 5 + "X" * 10_000 + " " + word * 5  # ~1 MB with an unbreakable token
    texts = list(TRANSLATIONS["en"])
    texts[4] = text
    po = write_catalog(project, "en", texts)
    run, elapsed, peak_mib = run_measured(
        tmp_path, "--project", str(project.root), "export", "--lang", "en"
    )
    assert run.returncode == 2
    line = (
        po.read_text(encoding="utf-8")
        .splitlines()
        .index('msgid "私が初めてウスケメンを訪れたのは1995年の冬だった。"')
    )
    assert run.stderr.startswith(f"workflow: error: locales/en/118.po:{line + 1}: ")
    assert f"more than {MAX_SEGMENT_CHARS}" in run.stderr and run.stderr.count("\n") == 1
    assert not (project.root / "exports" / "en").exists()
    assert elapsed < 30 and peak_mib < 400, (elapsed, peak_mib)


@pytest.mark.slow  # typesets and renders a pathological token
def test_long_unbreakable_token_wraps_inside_the_page(tmp_path) -> None:
    """A 10,000-character token (under the limit) is printed whole, every line on the page."""
    project = make_project(tmp_path / "project")
    texts = list(TRANSLATIONS["en"])
    texts[4] = "A token follows: " + "X" * 10_000 + " and the sentence ends."
    write_catalog(project, "en", texts)
    run, elapsed, peak_mib = run_measured(  # --draft: the token fails the checks (Q101, Q115)
        tmp_path,
        "--project",
        str(project.root),
        "export",
        "--lang",
        "en",
        "--format",
        "pdf",
        "--draft",
    )
    assert run.returncode == 0, run.stderr
    pdf = project.root / "exports" / "en" / "118.pdf"
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = etree.fromstring(bbox.encode(), etree.XMLParser(recover=True)).iter("{*}page")
    words = 0
    for page_node in page:
        width, height = float(page_node.get("width")), float(page_node.get("height"))
        for word in page_node.iter("{*}word"):
            words += 1
            assert float(word.get("xMin")) >= 0 and float(word.get("xMax")) <= width
            assert float(word.get("yMin")) >= 0 and float(word.get("yMax")) <= height
    assert words and raw_text(pdf).count("X") >= 10_000
    assert elapsed < 60 and peak_mib < 400, (elapsed, peak_mib)
