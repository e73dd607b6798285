"""The import structure of docs/architecture.md, read from the code itself.

The layers are enforced by `lint-imports` (the contract in pyproject.toml); these tests add the
rules a layers contract cannot state: no import circle of more than two modules, and the
packages the contract names are exactly the project's packages.
"""

import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
PACKAGES: list[str] = CONTRACT["root_packages"]
NOT_PACKAGES_OF_THE_SITE = {"tests", "benchmarks", "docs", "templates", "static", "node_modules"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def _circles(graph: grimp.ImportGraph) -> list[set[str]]:
    """Strongly connected sets of modules (Tarjan), imports inside functions included."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            circle = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                circle.add(member)
                if member == module:
                    break
            if len(circle) > 1:
                found.append(circle)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_import_graph_has_no_circle_of_more_than_two_modules(graph):
    too_large = [sorted(circle) for circle in _circles(graph) if len(circle) > 2]

    assert too_large == []


def test_import_contract_names_every_package_of_the_site():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_PACKAGES_OF_THE_SITE
    }

    assert packages == set(PACKAGES)


def test_import_contract_layers_name_only_known_packages():
    (layers_contract,) = [c for c in CONTRACT["contracts"] if c["type"] == "layers"]
    named = {name.strip() for layer in layers_contract["layers"] for name in layer.split("|")}

    assert named == set(PACKAGES)
