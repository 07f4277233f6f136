"""The house keeps its shape: small modules and functions, and a test for every module.

Every module of host_server/ and desktop/ has its test file at the mirrored place
(`tests/<package>/test_<module>.py`), or a line in the mirrored test package's
docstring naming the tests that cover it (and those files exist).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for tree in ("host_server", "desktop") for p in sorted((ROOT / tree).rglob("*.py"))]
MAX_MODULE, MAX_FUNCTION = 400, 60


def test_no_module_over_400_lines_and_no_function_over_60():
    too_long = []
    for path in SOURCES:
        text = path.read_text()
        if len(text.splitlines()) > MAX_MODULE:
            too_long.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION:
                    too_long.append(f"{path.relative_to(ROOT)}: {node.name}() {length} lines")
    assert not too_long, "\n".join(too_long)


def covered_in(package: Path) -> dict[str, list[str]]:
    """`- `module`, `other`: test_x.py, sub/test_y.py` lines of a test package's docstring."""
    init = package / "__init__.py"
    if not init.exists():
        return {}
    doc = ast.get_docstring(ast.parse(init.read_text())) or ""
    found: dict[str, list[str]] = {}
    for line in re.split(r"\n(?=- )", doc):
        if not line.startswith("- ") or ":" not in line:
            continue
        names, tests = line[2:].split(":", 1)
        files = re.findall(r"[\w/]+\.py", tests)
        for name in re.findall(r"`(\w+)`", names):
            found[name] = files
    return found


def test_every_module_has_a_test_file_or_says_which_tests_cover_it():
    missing = []
    for path in SOURCES:
        if path.name == "__init__.py":
            continue
        relative = path.relative_to(ROOT)
        tests = ROOT / "tests" / relative.parent
        if (tests / f"test_{path.stem}.py").exists():
            continue
        files = covered_in(tests).get(path.stem)
        if not files:
            missing.append(str(relative))
            continue
        for name in files:  # relative to the package, its tree, or tests/
            places = (
                tests / name,
                ROOT / "tests" / relative.parts[0] / name,
                ROOT / "tests" / name,
            )
            if not any(place.exists() for place in places):
                missing.append(f"{relative}: {name} does not exist")
    assert not missing, "no test for:\n" + "\n".join(missing)
