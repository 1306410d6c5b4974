"""Input readers: good records pass, every bad item is one InputError naming the input."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest import InputError, read_jsonl, read_text_file


def test_text_file_id_and_headline(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Big headline\n\nBody text here.", encoding="utf-8")
    r = read_text_file(p, published="2024-05-27")
    assert r["id"] == "story" and r["title"] == "Big headline" and r["published"] == "2024-05-27"


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty input"),
        (b"  \n\n", "empty input"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_bad_files(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text_file(p)


def test_directory_and_missing(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text_file(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "nope.txt")


def test_bad_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Some text", encoding="utf-8")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_text_file(p, published="27/05/2024")


def test_jsonl_keeps_going_after_bad_lines():
    data = '{"id": "a", "text": "One."}\n{oops\n[1]\n{"id": "b"}\n{"id": "c", "text": "Two.", "published": "2024-01-02T10:00:00Z"}\n'
    items = list(read_jsonl(io.StringIO(data), "in.jsonl"))
    good = [i for i in items if not isinstance(i, InputError)]
    bad = [str(i) for i in items if isinstance(i, InputError)]
    assert [g["id"] for g in good] == ["a", "c"] and good[1]["published"] == "2024-01-02"
    assert bad[0].startswith("in.jsonl:2: malformed JSON") and len(bad) == 3
    assert all("\n" not in b for b in bad)


def test_a_record_may_name_its_author():
    data = '{"id": "a", "text": "One.", "author": "Rita Gomez"}\n{"id": "b", "text": "Two.", "author": 7}\n'
    items = list(read_jsonl(io.StringIO(data), "in.jsonl"))
    assert items[0]["author"] == "Rita Gomez"
    assert isinstance(items[1], InputError) and '"author" must be a string' in str(items[1])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.dictionaries(
                st.sampled_from(["id", "text", "title", "published", "url"]), st.one_of(st.text(max_size=20), st.integers(), st.none())
            ).map(json.dumps),
        )
    )
)
def test_jsonl_reader_never_raises(lines):
    """Whatever the lines hold, each yields a record or a one-line InputError; nothing escapes."""
    stream = io.StringIO("\n".join(line.replace("\n", " ") for line in lines))
    for item in read_jsonl(stream, "x"):
        if isinstance(item, InputError):
            assert "\n" not in str(item)
        else:
            assert item["text"].strip() and item["id"]


def test_gzipped_jsonl_is_read_and_a_broken_one_is_one_error(tmp_path):
    import gzip

    from newsgraph.ingest import read_path

    good = tmp_path / "a.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as f:
        f.write('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    assert [r["id"] for r in read_path(str(good))] == ["a", "b"]
    broken = tmp_path / "b.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    (err,) = list(read_path(str(broken)))
    assert isinstance(err, InputError) and str(err).startswith(f"{broken}: cannot read")
