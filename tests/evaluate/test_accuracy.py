"""`newsgraph eval` finds the sets, scores them with score.py, and fails cleanly on bad folders."""

import json

import pytest
from conftest import run_cli

EXAMPLE_ROWS = [
    "| example | milei-silicon-valley.txt | events recall (status) | 1.000 |  |  |  | 0.800 | yes |",
    "| example | milei-silicon-valley.txt | events precision (status) | 1.000 |  |  |  | 0.700 | yes |",
    "| example | milei-silicon-valley.txt | roles F1 | 1.000 |  |  |  |  |  |",
    "| example | milei-silicon-valley.txt | quotes recall | 1.000 |  |  |  |  |  |",
    "| example | milei-silicon-valley.txt | events recall by type | ACCUSE 1/1, AGREE 1/1, CONSULT 6/6, COOPERATE 1/1, SUPPORT 1/1 |  |  |  |  |  |",
]


def _eval(shared, *args):
    return run_cli("eval", "--data", str(shared / "data"), "--scorer", str(shared / "tools" / "score.py"), *args)


def test_eval_example_prints_the_table(shared):
    res = _eval(shared, "--sets", "example,gsr", "--limit", "5")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.decode().splitlines()
    assert lines[0] == "Made by `newsgraph eval --sets example,gsr --limit 5`."
    head = lines.index("| set | file | measure | all | tune | check | gap | target | met |")
    figures = lines[head + 2 : lines.index("", head)]
    assert [line for line in figures if line.startswith("| example |")] == EXAMPLE_ROWS
    # the five GSR records read: all AGREE, all found; split 3 tune / 2 check by the hash of their ids
    by_type = next(line for line in figures if "| gsr | gsr-dev.jsonl | type recall by type |" in line)
    assert [c.strip() for c in by_type.split("|")[4:8]] == ["AGREE 5/5", "AGREE 3/3", "AGREE 2/2", ""]
    recall = next(line for line in figures if "| gsr | gsr-dev.jsonl | type recall |" in line)
    assert [c.strip() for c in recall.split("|")[4:10]] == ["1.000", "1.000", "1.000", "+0.000", "0.700", "yes"]
    # the speed table: documents and words are counts of what was read (the seconds vary)
    head = lines.index("| set | file | documents | words | seconds | words/s |")
    speed = {tuple(c.strip() for c in line.split("|")[1:5]) for line in lines[head + 2 :] if line.startswith("|")}
    assert {("example", "milei-silicon-valley.txt", "1", "387"), ("gsr", "gsr-dev.jsonl", "5", "128")} <= speed
    assert res.stderr.decode().splitlines() == ["newsgraph: scoring example ...", "newsgraph: scoring gsr ..."]


def test_eval_limit_scores_only_the_records_read(shared):
    res = _eval(shared, "--sets", "gsr", "--limit", "5", "--json")
    assert res.returncode == 0, res.stderr
    rows = {r["measure"]: r for r in map(json.loads, res.stdout.decode().splitlines())}
    assert rows["type recall by type"]["value"] == "AGREE 5/5"
    assert rows["type recall"]["value"] == 1.0


def test_eval_json_lines(shared, tmp_path):
    res = _eval(shared, "--sets", "example", "--json")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert [(r["set"], r["file"], r["measure"], r["value"], r["target"], r["met"]) for r in rows] == [
        ("example", "milei-silicon-valley.txt", "events recall (status)", 1.0, 0.8, True),
        ("example", "milei-silicon-valley.txt", "events precision (status)", 1.0, 0.7, True),
        ("example", "milei-silicon-valley.txt", "roles F1", 1.0, None, None),
        ("example", "milei-silicon-valley.txt", "quotes recall", 1.0, None, None),
        (
            "example",
            "milei-silicon-valley.txt",
            "events recall by type",
            "ACCUSE 1/1, AGREE 1/1, CONSULT 6/6, COOPERATE 1/1, SUPPORT 1/1",
            None,
            None,
        ),
    ]
    assert all(r["docs"] == 1 and r["words"] == 387 and r["seconds"] >= 0 for r in rows)


def test_eval_json_still_writes_the_output_file(shared, tmp_path):
    out = tmp_path / "acc.md"
    res = _eval(shared, "--sets", "example", "--json", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert out.exists() and all(row in out.read_text(encoding="utf-8") for row in EXAMPLE_ROWS)


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


def test_eval_output_keeps_the_text_around_the_table(shared, tmp_path):
    out = tmp_path / "acc.md"
    assert _eval(shared, "--sets", "example", "-o", str(out)).returncode == 0
    first = out.read_text(encoding="utf-8")
    assert first.startswith("# Accuracy\n\nHow to read it: every set is split into a **tune** part")
    out.write_text("# My notes\n\n" + first.split("\n\n", 1)[1] + "\n## What changed\nhand-written\n", encoding="utf-8")
    assert _eval(shared, "--sets", "example", "-o", str(out)).returncode == 0
    again = out.read_text(encoding="utf-8")
    assert again.startswith("# My notes\n") and again.endswith("## What changed\nhand-written\n")
    assert all(row in again for row in EXAMPLE_ROWS) and again.count("| set | file | measure |") == 1
