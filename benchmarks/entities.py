"""Benchmark the number and name checks on newstest2012 (human translations).

    python benchmarks/entities.py [--lines 300] [--start 1500] [--end 3003] [--seed 1]

For each direction of en/es/ru, on a sample of lines from [start, end) (tune on 0-1500,
report on 1500-3003), and in two modes:

* ``none``: no back-translation (``xlate check --engine none``);
* ``back``: a simulated round trip. Clean lines come back as the source; a line with an
  injected change comes back as the source with that change carried over (the replaced or
  altered name transliterated into the source language), as an engine would bring it back.

it measures the share of clean lines with any number flag / any name flag (every
severity counts), and recall: the share of lines with one injected change flagged with
the right kind. Injected changes (realistic, not tuned to the rules): one digit of a
number written in digits; a name replaced by another name of the target language (a pool
taken from lines outside the sample), one or two letters of a name altered, or a
designation's digits changed; and, without back-translation, a name the translation
renders from the source swapped for a well-known other name (Obama, Москва, Madrid): the
realistic case, as it leaves out lines whose "name" the source lacks.

The injectors live here so that tests can use them at fixed seeds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from unidecode import unidecode

from xlate.checks.names import NameMention, check_names, extract_names, find_name
from xlate.checks.numbers import check_numbers, extract_numbers
from xlate.report import Flag

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
PAIRS = (("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"))
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщыэюя"
# Latin → Cyrillic, only to carry an injected name into a simulated Russian back-translation.
_TO_CYRILLIC = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
    ("ya", "я"), ("yu", "ю"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
    ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "х"), ("k", "к"), ("l", "л"),
    ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"),
    ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з"),
)  # fmt: skip


def load(lang: str) -> list[str]:
    return (CORPORA / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()


def inject_number(translation: str, lang: str, rng: random.Random) -> str | None:
    """Change one digit of one number written in digits; None when there is none."""
    mentions = [m for m in extract_numbers(translation, lang) if re.search(r"\d", m.text)]
    if not mentions:
        return None
    m = rng.choice(mentions)
    positions = [m.start + i for i, c in enumerate(m.text) if c.isdigit()]
    pos = rng.choice(positions)
    digit = rng.choice([d for d in "0123456789" if d != translation[pos]])
    return translation[:pos] + digit + translation[pos + 1 :]


def _alter_letters(word: str, rng: random.Random) -> str:
    """One or two letters (not the first) replaced by others of the same script."""
    chars = list(word)
    letters = [i for i, c in enumerate(chars) if c.isalpha() and i > 0]
    for i in rng.sample(letters, min(len(letters), rng.choice((1, 1, 2)))):
        alphabet = CYRILLIC if re.match(r"[а-яё]", chars[i].lower()) else LATIN
        new = rng.choice([c for c in alphabet if c != chars[i].lower()])
        chars[i] = new.upper() if chars[i].isupper() else new
    return "".join(chars)


def inject_name(
    translation: str, lang: str, rng: random.Random, pool: list[str]
) -> tuple[str, NameMention, str, str] | None:
    """Replace a name by another, alter one or two of its letters, or change a
    designation's digits: (changed translation, original mention, new text, how)."""
    mentions = [m for m in extract_names(translation, lang) if len(m.text) >= 3 and not m.weak]
    if not mentions:
        return None
    m = rng.choice(mentions)
    if m.type == "designation":
        digits = [i for i, c in enumerate(m.text) if c.isdigit()]
        i = rng.choice(digits)
        new = m.text[:i] + rng.choice([d for d in "0123456789" if d != m.text[i]]) + m.text[i + 1 :]
        how = "designation"
    elif rng.random() < 0.5 and pool:
        new = rng.choice([p for p in pool if p.lower() != m.text.lower()])
        how = "replace"
    else:
        new = _alter_letters(m.text, rng)
        how = "letter"
        if new == m.text:
            return None
    return translation[: m.start] + new + translation[m.end :], m, new, how


# Well-known names of each language, for a realistic replacement: a name the translation
# renders from the source swapped for one of these.
WELL_KNOWN = {
    "en": ["Obama", "Merkel", "Putin", "Chávez", "Sarkozy", "London", "Berlin", "Mexico",
           "Google", "Moscow", "Rajoy", "Cameron", "Madrid", "China"],
    "es": ["Obama", "Merkel", "Putin", "Chávez", "Sarkozy", "Londres", "Berlín", "México",
           "Google", "Moscú", "Rajoy", "Cameron", "Madrid", "China"],
    "ru": ["Обама", "Меркель", "Путин", "Чавес", "Саркози", "Лондон", "Берлин", "Мексика",
           "Google", "Москва", "Рахой", "Кэмерон", "Мадрид", "Китай"],
}  # fmt: skip


def inject_well_known(
    source: str, translation: str, src: str, tgt: str, rng: random.Random
) -> str | None:
    """Swap a name the translation renders from the source for a well-known other name."""
    rendered = [
        m
        for m in extract_names(translation, tgt)
        if m.type == "name" and len(m.text) >= 3 and find_name(m.text, tgt, source, src)
    ]
    if not rendered:
        return None
    m = rng.choice(rendered)
    pool = [n for n in WELL_KNOWN[tgt] if n.lower() not in (source + translation).lower()]
    return translation[: m.start] + rng.choice(pool) + translation[m.end :]


def _render(name: str, from_lang: str, to_lang: str) -> str:
    """How a round trip would bring ``name`` back into ``to_lang`` (transliterated)."""
    cyrillic = bool(re.search(r"[а-яё]", name.lower()))
    if to_lang == "ru" and not cyrillic:
        out = unidecode(name).lower()
        for latin, cyr in _TO_CYRILLIC:
            out = out.replace(latin, cyr)
        return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))
    if to_lang != "ru" and cyrillic:
        return unidecode(name)
    return name


def simulated_back(source: str, src: str, tgt: str, original: NameMention, new: str) -> str:
    """The source with the injected change carried over, as a round trip brings it back."""
    for s in extract_names(source, src):
        if find_name(s.text, src, original.text, tgt) is not None:
            return source[: s.start] + _render(new, tgt, src) + source[s.end :]
    # The changed name renders a source word we cannot point at (Cámara/House): an engine
    # would still bring the new name back, so it travels, at the end.
    return f"{source} {_render(new, tgt, src)}"


def name_pool(lines: list[str], lang: str, size: int = 400) -> list[str]:
    names: list[str] = []
    for line in lines:
        names += [
            m.text
            for m in extract_names(line, lang)
            if m.type == "name" and not m.weak and len(m.text.split()) <= 3
        ]
        if len(names) >= size:
            break
    return names


def flagged(flags: list[Flag], kind: str) -> bool:
    return any(f.kind == kind for f in flags)


def run_pair(
    src: str, tgt: str, n: int, seed: int, back_mode: str, span: tuple[int, int]
) -> dict[str, float]:
    src_lines, tgt_lines = load(src), load(tgt)
    rng = random.Random(seed)
    start, end = span
    idx = rng.sample(range(start, min(end, len(src_lines))), min(n, end - start))
    outside = tgt_lines[:start] + tgt_lines[end:]
    pool = name_pool(outside[::-1], tgt)
    st = dict.fromkeys(("lines", "fp_num", "fp_name", "fp_any", "num_inj", "num_hit"), 0)
    inj: dict[str, list[int]] = {"replace": [0, 0], "letter": [0, 0], "designation": [0, 0]}
    known = [0, 0]
    for i in idx:
        s, t = src_lines[i], tgt_lines[i]
        back = s if back_mode == "back" else None
        sid = f"l{i}"
        num_flags = check_numbers(s, t, back, src, tgt, sid)[1]
        name_flags = check_names(s, t, back, src, tgt, sid)[1]
        st["lines"] += 1
        st["fp_num"] += bool(num_flags)
        st["fp_name"] += bool(name_flags)
        st["fp_any"] += bool(num_flags or name_flags)
        changed = inject_number(t, tgt, rng)
        if changed is not None:
            st["num_inj"] += 1
            st["num_hit"] += flagged(check_numbers(s, changed, back, src, tgt, sid)[1], "number")
        named = inject_name(t, tgt, rng, pool)
        if named is not None:
            text, original, new, how = named
            nback = simulated_back(s, src, tgt, original, new) if back is not None else None
            inj[how][0] += 1
            inj[how][1] += flagged(check_names(s, text, nback, src, tgt, sid)[1], "name")
        swapped = inject_well_known(s, t, src, tgt, random.Random(f"{seed}-{i}"))
        if swapped is not None and back is None:
            known[0] += 1
            known[1] += flagged(check_names(s, swapped, None, src, tgt, sid)[1], "name")
    lines = max(1, st["lines"])
    out: dict[str, float] = {
        "fp_number": st["fp_num"] / lines,
        "fp_name": st["fp_name"] / lines,
        "fp_any": st["fp_any"] / lines,
        "number_recall": st["num_hit"] / max(1, st["num_inj"]),
        "number_injected": st["num_inj"],
    }
    out["known_recall"] = known[1] / max(1, known[0])
    out["known_injected"] = known[0]
    total = sum(v[0] for v in inj.values())
    out["name_recall"] = sum(v[1] for v in inj.values()) / max(1, total)
    out["name_injected"] = total
    for how, (count, hit) in inj.items():
        out[f"{how}_recall"] = hit / max(1, count)
        out[f"{how}_injected"] = count
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--start", type=int, default=1500)
    parser.add_argument("--end", type=int, default=3003)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"lines {args.start}-{args.end}, {args.lines} per direction, seed {args.seed}")
    print("pair   back  fp_num fp_name fp_any  num_rec (n)    name_rec (n)   "
          "replace letter desig       well-known (n)")  # fmt: skip
    for back_mode in ("none", "back"):
        for src, tgt in PAIRS:
            r = run_pair(src, tgt, args.lines, args.seed, back_mode, (args.start, args.end))
            print(
                f"{src}>{tgt}  {back_mode:4}  {r['fp_number']:5.1%}  {r['fp_name']:5.1%}"
                f"  {r['fp_any']:5.1%}  {r['number_recall']:6.1%} ({r['number_injected']:.0f})"
                f"  {r['name_recall']:6.1%} ({r['name_injected']:.0f})"
                f"  {r['replace_recall']:6.1%} {r['letter_recall']:6.1%}"
                f" {r['designation_recall']:6.1%} ({r['designation_injected']:.0f})"
                + (
                    f"  {r['known_recall']:6.1%} ({r['known_injected']:.0f})"
                    if back_mode == "none"
                    else ""
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
