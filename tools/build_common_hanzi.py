"""Regenerate newsctl/data/common_hanzi.txt: the 3,000 most frequent Han
characters by jieba's dictionary word frequencies, plus their Traditional
forms. Used to tell a right decoding (GB18030 vs Big5) from mojibake."""

from __future__ import annotations

import collections
from pathlib import Path

import jieba
import opencc

COUNT = 3000


def main() -> None:
    dict_path = Path(jieba.__file__).parent / "dict.txt"
    weight: collections.Counter[str] = collections.Counter()
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        word, freq = parts[0], int(parts[1])
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                weight[ch] += freq
    simplified = "".join(ch for ch, _ in weight.most_common(COUNT))
    traditional = opencc.OpenCC("s2t").convert(simplified)
    chars = sorted(set(simplified) | set(traditional))
    out = Path(__file__).resolve().parent.parent / "newsctl" / "data" / "common_hanzi.txt"
    out.write_text("".join(chars) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {out}")


if __name__ == "__main__":
    main()
