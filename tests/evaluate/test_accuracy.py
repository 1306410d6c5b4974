"""`newsgraph eval` finds the sets, scores them with score.py, and fails cleanly on bad folders."""

import json

import pytest
from conftest import run_cli


def test_eval_example_prints_the_table(shared):
    res = run_cli("eval", "--data", str(shared / "data"), "--scorer", str(shared / "tools" / "score.py"), "--sets", "example,gsr", "--limit", "5")
    assert res.returncode == 0, res.stderr
    assert "| example | milei-silicon-valley.txt | events recall (status) |" in res.stdout.decode()
    assert "type recall by type" in res.stdout.decode()


def test_eval_json_lines(shared, tmp_path):
    out = tmp_path / "acc.md"
    res = run_cli(
        "eval", "--data", str(shared / "data"), "--scorer", str(shared / "tools" / "score.py"), "--sets", "example", "--json", "-o", str(out)
    )
    rows = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert {r["measure"] for r in rows} >= {"events recall (status)", "events precision (status)"}
    assert all(r["set"] == "example" for r in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--data", "/nonexistent"], "data folder not found"),
        (["--sets", "nope"], "unknown set"),
        (["--scorer", "/nonexistent/score.py"], "scorer not found"),
    ],
)
def test_eval_bad_input_is_one_line(shared, args, message):
    opts = {"--data": str(shared / "data"), "--scorer": str(shared / "tools" / "score.py")}
    opts.update(zip(args[::2], args[1::2]))
    res = run_cli("eval", *[x for kv in opts.items() for x in kv])
    err = res.stderr.decode()
    assert res.returncode == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
