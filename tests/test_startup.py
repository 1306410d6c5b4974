"""``import newsgraph`` and the command's start-up load no heavy library: spaCy loads in the commands that read text."""

import subprocess
import sys

import pytest

HEAVY = ("spacy", "dask", "distributed", "fastapi", "uvicorn", "sqlalchemy")


def loaded_after(code: str) -> set[str]:
    """The heavy modules loaded once ``code`` has run in a fresh interpreter."""
    check = f"{code}\nimport sys\nprint('loaded:', *(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.splitlines()[-1].split()[1:])


def test_import_newsgraph_does_not_load_spacy():
    subprocess.run([sys.executable, "-c", "import newsgraph, sys; assert 'spacy' not in sys.modules"], check=True, timeout=120)
    assert loaded_after("import newsgraph") == set()


def test_import_the_cli_loads_nothing_heavy():
    subprocess.run([sys.executable, "-c", "import newsgraph.cli, sys; assert 'spacy' not in sys.modules"], check=True, timeout=120)
    assert loaded_after("import newsgraph.cli") == set()


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["serve", "--help"], ["demo", "--help"]])
def test_help_loads_nothing_heavy(args):
    code = f"from newsgraph.cli import app\ntry:\n    app({args!r})\nexcept SystemExit as e:\n    assert not e.code, e.code"
    assert loaded_after(code) == set()


def test_extract_is_the_function_whatever_was_imported_first():
    code = (
        "import types\nimport newsgraph.extract\nfrom newsgraph import extract, extract_many\n"
        "assert not isinstance(extract, types.ModuleType) and extract.__name__ == 'extract' and callable(extract_many)\n"
        "import newsgraph\nassert newsgraph.extract is extract and 'extract' in dir(newsgraph)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
