"""`dump_json`'s reused encoders against a fresh `json.dumps` with the same options."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from newsctl.render.json import dump_json

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities included: both write them the same way
    st.text(st.one_of(st.characters(), st.sampled_from('新闻\x85\x9f\u2028"\\'))),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


def slow_dump_json(obj: object, indent: int | None) -> str:
    text = json.dumps(
        obj, ensure_ascii=False, indent=indent, separators=(",", ": ") if indent else (",", ":")
    )
    return text.translate({code: f"\\u{code:04x}" for code in range(0x80, 0xA0)})


@given(_VALUES, st.sampled_from([None, 2, 0, 4]))
def test_property_dump_json_equals_json_dumps(obj: object, indent: int | None) -> None:
    assert dump_json(obj, indent=indent) == slow_dump_json(obj, indent)
