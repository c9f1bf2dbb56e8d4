"""What each batch output was made from, so that a rerun redoes exactly what changed.

An output is up to date when it exists and its stamp matches: the input's size and
modification time, the output format and the parse options (``--keywords``,
``--encoding`` …) and the policyparse version. The stamps live in one sidecar manifest,
``OUTDIR/.policyparse-stamps`` (``{"version": 1, "outputs": {input: stamp}}``,
inputs relative to DIR), read
before the run and written after it; an output without a stamp (made by an older
version, or by hand) is redone once. A modification time alone could not tell a rerun
with other options from one with the same, which kept stale outputs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import __version__

MANIFEST = ".policyparse-stamps"  # no .json suffix: globs for outputs must not find it


def settings_digest(output_format: str, options: dict[str, Any]) -> str:
    """One string for everything besides the input that shapes an output."""
    blob = json.dumps(
        {"format": output_format, "options": options, "version": __version__}, sort_keys=True
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def input_stamp(source: str | os.PathLike[str], digest: str) -> str | None:
    try:
        st = os.stat(source)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{digest}"


def relative_key(source: str, root: Path) -> str:
    """The input relative to DIR, so a rerun from another folder finds its stamps; a name
    that is not UTF-8 as display_name writes it (JSON holds no lone surrogates)."""
    from ..inputs import display_name

    return display_name(Path(source).relative_to(root).as_posix())


class Stamps:
    """The manifest of one OUTDIR: what is recorded, and what this run made."""

    def __init__(self, outdir: Path, root: Path, digest: str) -> None:
        self.path = outdir / MANIFEST
        self.root = root
        self.digest = digest
        self._outputs: dict[str, str] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("outputs"), dict):
                self._outputs = {str(k): str(v) for k, v in data["outputs"].items()}
        except (OSError, ValueError):
            pass  # no manifest yet, or a damaged one: everything is redone once

    def current(self, source: str) -> bool:
        """The recorded stamp of ``source`` is the one this run would make."""
        stamp = input_stamp(source, self.digest)
        return stamp is not None and self._outputs.get(self._key(source)) == stamp

    def record(self, source: str) -> None:
        stamp = input_stamp(source, self.digest)
        if stamp is not None:
            self._outputs[self._key(source)] = stamp

    def forget(self, source: str) -> None:
        self._outputs.pop(self._key(source), None)

    def _key(self, source: str) -> str:
        return relative_key(source, self.root)

    def save(self) -> None:
        from ..atomic import atomic_text_writer

        with atomic_text_writer(self.path) as stream:
            # sorted: workers finish in any order, the manifest should not differ for it
            outputs = dict(sorted(self._outputs.items()))
            json.dump({"version": 1, "outputs": outputs}, stream, ensure_ascii=False)
