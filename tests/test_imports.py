"""The package's imports go one way: vocabulary and IR at the bottom, each stage above the
ones it reads, never an import cycle (STYLE.md, "Stages import downward").

The walk reads every module's source with ``ast``, function-level imports included: a lazy
import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import policyparse

PACKAGE = Path(policyparse.__file__).parent

# Lowest first. A module may import modules of its own layer or of lower ones.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"fold", "vocabulary"}),
    frozenset({"lexicon"}),
    frozenset({"text", "errors", "settings"}),
    frozenset({"encoding", "formats", "loaders"}),
    frozenset({"normalise"}),
    frozenset({"segment", "tables"}),
    frozenset({"clauses"}),
    frozenset({"meta"}),
)


def _layer(module: str) -> int:
    """The layer of ``policyparse.a.b``: by its first component; the rest sit on top."""
    top = module.split(".")[1] if "." in module else ""
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    return len(LAYERS)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every policyparse module ``path`` imports, resolved to its dotted name."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("policyparse"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("policyparse"):
                target = node.module
            else:
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
    return {m for m in found if m != name}


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").exists() or (PACKAGE / rel / "__init__.py").exists()


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_the_walk_sees_the_pipeline() -> None:
    # A guard against a walk that silently finds nothing.
    assert "policyparse.segment.segmenter" in GRAPH
    assert "policyparse.lexicon.labels" in GRAPH["policyparse.segment.segmenter"]


def test_lexicon_is_a_leaf() -> None:
    allowed = {"policyparse.fold", "policyparse.vocabulary"}
    bad = {
        module: sorted(
            t for t in targets if not t.startswith("policyparse.lexicon") and t not in allowed
        )
        for module, targets in GRAPH.items()
        if module.startswith("policyparse.lexicon")
    }
    assert {m: t for m, t in bad.items() if t} == {}


def test_stages_import_downward() -> None:
    upward = sorted(
        f"{module} → {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert upward == []


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the module graph: none larger than one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in GRAPH:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in GRAPH:
        if module not in index:
            visit(module)
    assert cycles == []
