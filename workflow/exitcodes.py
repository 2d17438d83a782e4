"""The exit codes of ``workflow``, shared by the CLI and every command.

0 success; 1 findings (checks failed, translations incomplete); 2 bad input or usage;
130 interrupted; 141 the reader of the output went away (as a shell reports SIGPIPE).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
#: Exit status of a process killed by SIGPIPE, as a shell reports it (128 + 13).
EXIT_BROKEN_PIPE = 141
