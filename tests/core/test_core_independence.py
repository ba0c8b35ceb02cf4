"""The core never depends on MkDocs: it imports, loads and checks with mkdocs unimportable.

Proves it two ways: every module under `repertoire_kit.core` is imported in a fresh interpreter
where an import hook refuses `mkdocs` (and the sample is then loaded and checked there), and
no core source file contains an import of mkdocs, of the MkDocs adapter, or of the CLI.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import repertoire_kit.core
from tests.support.core import REPO_ROOT

CORE_DIR = Path(repertoire_kit.core.__file__).resolve().parent
CORE_MODULES = sorted(
    "repertoire_kit.core." + ".".join(path.relative_to(CORE_DIR).with_suffix("").parts)
    for path in CORE_DIR.rglob("*.py")
    if path.stem != "__init__"
)

BLOCKED_IMPORT_SCRIPT = textwrap.dedent(
    """
    import importlib, json, sys
    from pathlib import Path

    class RefuseMkdocs:
        def find_spec(self, name, path=None, target=None):
            if name == "mkdocs" or name.startswith("mkdocs."):
                raise ImportError(f"mkdocs is blocked in this test: {name}")
            return None

    sys.meta_path.insert(0, RefuseMkdocs())
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("the blocker did not work")

    modules = json.loads(sys.argv[1])
    for name in modules:
        importlib.import_module(name)

    from repertoire_kit.core.load.loader import load_repertoire
    from repertoire_kit.core.load.project import load_project
    project = load_project(Path(sys.argv[2]) / "mkdocs.yml")
    result = load_repertoire(project.root, project.docs_dir, project.settings)
    leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs."))
    print(json.dumps({"imported": len(modules), "entries": len(result.repertoire.entries),
                      "errors": len(result.diagnostics), "leaked": leaked}))
    """
)


def test_the_module_list_is_not_empty() -> None:
    assert "repertoire_kit.core.load.loader" in CORE_MODULES
    assert len(CORE_MODULES) >= 20


def test_every_core_module_imports_and_loads_the_sample_with_mkdocs_blocked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT_SCRIPT, json.dumps(CORE_MODULES), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["imported"] == len(CORE_MODULES)
    assert report["entries"] >= 24 and report["errors"] == 0
    assert report["leaked"] == []


def _imported_names(tree: ast.AST, module: str) -> list[str]:
    """Every module name an AST imports, relative imports resolved against `module`."""
    package = module.rsplit(".", 1)[0]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            names.append(target)
            names.extend(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and (
            getattr(node.func, "id", "") == "__import__"
            or getattr(node.func, "attr", "") == "import_module"
        ):
            names.extend(str(arg.value) for arg in node.args[:1] if isinstance(arg, ast.Constant))
    return names


def test_no_core_source_imports_mkdocs_the_adapter_or_the_cli() -> None:
    offenders: list[str] = []
    for path in sorted(CORE_DIR.rglob("*.py")):
        module = "repertoire_kit.core." + ".".join(path.relative_to(CORE_DIR).with_suffix("").parts)
        source = path.read_text(encoding="utf-8")
        for name in _imported_names(ast.parse(source), module):
            if name.split(".")[0] == "mkdocs" or name.startswith(
                ("repertoire_kit.mkdocs_adapter", "repertoire_kit.cli")
            ):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_the_import_scanner_sees_the_forms_it_must_catch() -> None:
    sample = ast.parse(
        "import mkdocs\nfrom mkdocs.plugins import x\nfrom ...mkdocs_adapter import y\n"
        "from ...cli.main import z\n__import__('mkdocs.config')\n"
        "def later():\n    importlib.import_module('mkdocs.commands.build')\n"
    )
    names = _imported_names(sample, "repertoire_kit.core.load.loader")
    assert {
        "mkdocs",
        "mkdocs.plugins",
        "repertoire_kit.mkdocs_adapter",
        "repertoire_kit.cli.main",
        "mkdocs.config",
        "mkdocs.commands.build",
    } <= set(names)


# What each part of the core may import (ARCHITECTURE.md); "" is the top level.
ALLOWED = {
    "": {""},
    "safety": {"safety"},
    "contract": {"contract", "", "safety"},
    "authoring": {"authoring", "contract", "safety", ""},
    "indexes": {"indexes", ""},
    "pages": {"pages", "indexes", "authoring", "contract", "safety", ""},
    "checks": {"checks", "pages", "contract", "safety", ""},
    "load": {"load", "checks", "pages", "indexes", "authoring", "contract", "safety", ""},
}


def _core_imports() -> list[tuple[str, str, ast.ImportFrom, bool]]:
    """(importing part, imported module, node, whether only for type checking) of every
    `from` import inside the core that names a core module."""
    found = []
    for path in sorted(CORE_DIR.rglob("*.py")):
        parts = path.relative_to(CORE_DIR).parts
        if parts == ("__init__.py",):
            continue
        part = parts[0] if len(parts) > 1 else ""
        module = "repertoire_kit.core." + ".".join(Path(*parts).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
            for n in node.body
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                [target] = _imported_names(ast.Module([node], []), module)[:1]
                if target.startswith("repertoire_kit.core"):
                    found.append((part, target, node, id(node) in typing_only))
    return found


def _part(target: str, name: str) -> str:
    rest = target.removeprefix("repertoire_kit.core").lstrip(".").split(".")
    if rest == [""]:  # `from .. import clock`
        rest = [name]
    return rest[0] if rest[0] in ALLOWED else ""


def test_each_part_of_the_core_imports_only_what_the_architecture_allows() -> None:
    wrong = [
        f"{part or 'top level'} imports {target}.{alias.name}"
        for part, target, node, typing_only in _core_imports()
        if not typing_only
        for alias in node.names
        if _part(target, alias.name) not in ALLOWED[part]
    ]
    assert wrong == []


def test_no_part_of_the_core_imports_another_parts_private_names() -> None:
    private = [
        f"{part or 'top level'}: {target}.{alias.name}"
        for part, target, node, _ in _core_imports()
        for alias in node.names
        if alias.name.startswith("_") and _part(target, alias.name) != part
    ]
    assert private == []


def test_the_adapter_and_the_cli_import_only_the_cores_public_names() -> None:
    package = CORE_DIR.parent
    deeper = [
        f"{path.relative_to(package)}: {name}"
        for folder in ("mkdocs_adapter", "cli")
        for path in sorted((package / folder).glob("*.py"))
        for name in _imported_names(
            ast.parse(path.read_text(encoding="utf-8")), f"repertoire_kit.{folder}.{path.stem}"
        )
        if name.startswith("repertoire_kit.core.")
        and name.removeprefix("repertoire_kit.core.") not in repertoire_kit.core.__all__
    ]
    assert deeper == []
