"""A real Weblate server for the integration test, started from nothing in a temporary folder.

PostgreSQL (Debian's binaries) gets a fresh cluster that listens only on a socket in that
folder, run by the ``postgres`` user when the test runs as root; Weblate (installed in its own
virtual environment by ``.ci/weblate-setup``) runs with ``.weblate/weblate_settings.py``:
Celery eager, a file cache, no Redis. The API is spoken with the standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTINGS_DIR = REPO / ".weblate"
#: The user that runs PostgreSQL when the test runs as root (PostgreSQL refuses root).
POSTGRES_USER = "postgres"


#: The admin the tests act as, and its API token (printed last).
_CREATE_ADMIN = """
from rest_framework.authtoken.models import Token
from weblate.auth.models import User
admin = User.objects.create_superuser("admin", "admin@example.com", None, full_name="Weblate Admin")
print(Token.objects.get_or_create(user=admin)[0].key)
"""


class WeblateError(AssertionError):
    """The server answered an API call with an error."""


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's binaries folder (Debian layout)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    if not candidates:
        raise RuntimeError("PostgreSQL is not installed: run .ci/weblate-setup")
    return candidates[-1].parent


@dataclass
class WeblateServer:
    """One Weblate instance: ``start()``, then ``api()`` and ``manage()``; ``stop()``."""

    venv: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="weblate-")))
    port: int = 0
    token: str = ""
    _server: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        self.port = _free_port()
        self._start_postgres()
        self.manage("migrate", "--noinput", "--skip-checks")
        self.token = self.manage("shell", "-c", _CREATE_ADMIN).split()[-1]
        log = (self.root / "server.log").open("wb")
        self._server = subprocess.Popen(
            [str(self.venv / "bin" / "weblate"), "runserver", f"127.0.0.1:{self.port}",
             "--noreload", "--skip-checks"],
            env=self._env(), stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_until_up()

    def stop(self) -> None:
        if self._server is not None:
            self._server.terminate()
            self._server.wait(timeout=30)
        data = str(self.root / "postgres" / "data")
        self._postgres("pg_ctl", "-D", data, "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _start_postgres(self) -> None:
        folder = self.root / "postgres"  # data, socket and log, owned by the server's user
        (folder / "socket").mkdir(parents=True)
        if os.geteuid() == 0:
            self.root.chmod(0o711)  # the postgres user may pass through, not list
            for path in (folder, folder / "socket"):
                shutil.chown(path, POSTGRES_USER)
        self._postgres("initdb", "-D", str(folder / "data"), "-U", "weblate", "--auth=trust",
                       "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={folder / 'socket'} -p 5432 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._postgres("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
                       "-o", options, "start")  # fmt: skip
        self._postgres("createdb", "-h", str(folder / "socket"), "-U", "weblate", "weblate")

    def _postgres(self, tool: str, *args: str, check: bool = True) -> None:
        command = [str(postgres_bin() / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", POSTGRES_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if check and result.returncode != 0:
            raise RuntimeError(f"{tool} failed:\n{result.stdout}{result.stderr}")

    def _wait_until_up(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._server is not None and self._server.poll() is not None:
                raise RuntimeError(f"Weblate stopped: {self.log_tail()}")
            try:
                self.api("GET", "/api/")
                return
            except (OSError, WeblateError):
                time.sleep(0.5)
        raise RuntimeError(f"Weblate did not answer within {timeout} s: {self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        log = self.root / "server.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    # --- talking to it ----------------------------------------------------------------

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "weblate_settings",
            "PYTHONPATH": str(SETTINGS_DIR),
            "WORKFLOW_WEBLATE_DATA": str(self.root),
            "WORKFLOW_WEBLATE_DOMAIN": f"127.0.0.1:{self.port}",
            "WORKFLOW_WEBLATE_PGPORT": "5432",
        }

    def manage(self, *args: str) -> str:
        """Run a Weblate management command; its standard output."""
        result = subprocess.run(
            [str(self.venv / "bin" / "weblate"), *args],
            env=self._env(), capture_output=True, text=True, check=False, cwd=self.root,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"weblate {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def api(
        self,
        method: str,
        path: str,
        payload: dict | None = None,
        *,
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> dict:
        """Call the REST API (*path* from ``/api/``, or a full URL); the JSON answer."""
        url = path if path.startswith("http") else self.url + path
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        data = None
        if files is not None:
            data, content_type = _multipart(payload or {}, files)
            headers["Content-Type"] = content_type
        elif payload is not None:
            data = json.dumps(payload).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:2000]
            raise WeblateError(f"{method} {url}: HTTP {error.code}: {detail}") from error
        return json.loads(body) if body else {}

    def all_pages(self, path: str) -> list[dict]:
        """Every result of a paginated list."""
        results: list[dict] = []
        page: str | None = path
        while page:
            answer = self.api("GET", page)
            results += answer["results"]
            page = answer.get("next")
        return results


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _multipart(fields: dict, files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
