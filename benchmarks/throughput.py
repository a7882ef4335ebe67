"""Throughput of the ``hf`` and ``ct2`` engines' runtimes on an opus-mt-sized model.

    python benchmarks/throughput.py [--sentences 64] [--length 16] [--beams 4,1]
                                    [--batches 16,64] [--rounds 3] [--device cpu|cuda]
                                    [--work-dir DIR]

No model can be downloaded here, so the script builds one locally with opus-mt-en-es's
shape and random weights: MarianMT, 6 encoder + 6 decoder layers, d_model 512, FFN 2048,
8 heads, shared vocabulary of 65,001 entries (opus-mt-en-es has 65,001). Speed depends on
the shape, not on what the weights learned, with one exception handled below (length).

The vocabulary, honestly: sentencepiece cannot learn 32k pieces per language from the
3,003 newstest2012 lines, so each side's spm is trained with as many pieces as the data
allows (``hard_vocab_limit=False``) and vocab.json is padded with never-produced filler
entries up to 65,001. The pieces the tokenizer emits are real; the output projection,
which costs what a real one costs, is full size.

Random weights never choose to stop, and a real model stops when it likes, so every
system is forced to emit exactly ``--length`` target tokens (min length = max length):
all do the same work and tokens/s compares like with like.

The model is converted to CTranslate2 once with xlate's own converter
(:func:`xlate.engines.model_store.convert`, float32 weights); the int8 system is CTranslate2
quantizing those weights on load (``compute_type="int8"``, what ``--engine ct2`` runs).

Measured: generation only (tokenization done before the clock starts, identically for
both), sentences sorted by length and cut into batches, one warm-up batch per setting.
Every system's model stays loaded and the systems take turns: for each beam and batch
size, ``--rounds`` rounds run all systems, in reverse order every other round (ABBA), and
each figure is the median of its rounds, so a change in machine load hits all systems
alike (timing all hf settings, then all ct2 settings, once each inflated the ratio to
6.7-13x on a loaded machine).
The hf path is tuned as the ``hf`` engine is: ``torch.inference_mode``, SDPA attention,
``torch.set_num_threads(cores)``. CTranslate2 gets ``intra_threads=cores``.

``--device cuda`` (untested here: no GPU on this machine) runs hf in fp16 and bf16 and
CTranslate2 in float16 and int8_float16 instead.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
VOCAB_SIZE = 65_001  # opus-mt-en-es
SPM_PIECES = 16_000  # asked for per language; the data yields fewer (hard limit off)
SEED = 1234


@dataclass
class Row:
    system: str
    beams: int
    batch: int
    seconds: float
    sentences: int
    tokens: int

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds


def cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def train_spm(lines: list[str]) -> tuple[bytes, int]:
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=SPM_PIECES,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        bos_id=-1,
        eos_id=1,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
    )
    model = buffer.getvalue()
    size = spm.SentencePieceProcessor(model_proto=model).get_piece_size()
    return model, size


def build_model(out: Path) -> dict[str, int]:
    """An opus-mt-en-es-shaped MarianMT with random weights and a 65,001-entry vocab."""
    import sentencepiece as spm
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    src_spm, src_pieces = train_spm(read_lines("en"))
    tgt_spm, tgt_pieces = train_spm(read_lines("es"))
    (out / "source.spm").write_bytes(src_spm)
    (out / "target.spm").write_bytes(tgt_spm)
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for model in (src_spm, tgt_spm):
        processor = spm.SentencePieceProcessor(model_proto=model)
        for i in range(processor.get_piece_size()):
            vocab.setdefault(processor.id_to_piece(i), len(vocab))
    real = len(vocab)
    filler = 0
    while len(vocab) < VOCAB_SIZE - 1:
        vocab.setdefault(f"<filler{filler}>", len(vocab))
        filler += 1
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang="en",
        target_lang="es",
    ).save_pretrained(out)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        activation_function="swish",
    )
    torch.manual_seed(SEED)
    model = MarianMTModel(config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad, pad_token_id=pad, eos_token_id=0, bad_words_ids=[[pad]]
    )
    model.save_pretrained(out)
    return {
        "vocab": len(vocab),
        "real_pieces": real,
        "src_spm": src_pieces,
        "tgt_spm": tgt_pieces,
        "filler": filler,
    }


def read_lines(lang: str) -> list[str]:
    path = CORPORA / f"newstest2012.{lang}"
    if not path.is_file():
        raise SystemExit(f"corpus not found: {path}")
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def batches(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- the two runtimes ------------------------------------------------------------------


def run_hf(
    model_dir: Path,
    ids: list[list[int]],
    beams: int,
    batch: int,
    length: int,
    device: str,
    dtype: str,
    pad: int,
) -> tuple[float, int]:
    import torch

    model = _hf_model(model_dir, device, dtype)
    groups = batches(ids, batch)

    def generate(group: list[list[int]]) -> int:
        longest = max(len(x) for x in group)
        input_ids = torch.full((len(group), longest), pad, dtype=torch.long)
        mask = torch.zeros((len(group), longest), dtype=torch.long)
        for row, seq in enumerate(group):
            input_ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        with torch.inference_mode():
            out = model.generate(
                input_ids=input_ids.to(device),
                attention_mask=mask.to(device),
                num_beams=beams,
                do_sample=False,
                min_new_tokens=length,
                max_new_tokens=length,
            )
        return int(out.shape[0] * (out.shape[1] - 1))  # minus the decoder start token

    generate(groups[0])  # warm-up
    if device == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    tokens = sum(generate(g) for g in groups)
    if device == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, tokens


_HF: dict[tuple[str, str, str], Any] = {}


def _hf_model(model_dir: Path, device: str, dtype: str) -> Any:
    import torch
    from transformers import MarianMTModel

    key = (str(model_dir), device, dtype)
    if key not in _HF:
        model = MarianMTModel.from_pretrained(
            model_dir, dtype=getattr(torch, dtype), attn_implementation="sdpa"
        )
        _HF[key] = model.to(device).eval()
    return _HF[key]


def run_ct2(
    ct2_dir: Path,
    tokens: list[list[str]],
    beams: int,
    batch: int,
    length: int,
    device: str,
    compute_type: str,
) -> tuple[float, int]:
    translator = _ct2_translator(ct2_dir, device, compute_type)
    groups = batches(tokens, batch)

    def generate(group: list[list[str]]) -> int:
        results = translator.translate_batch(
            group,
            beam_size=beams,
            max_batch_size=0,
            min_decoding_length=length,
            max_decoding_length=length,
            max_input_length=0,
        )
        counts = [len(r.hypotheses[0]) for r in results]
        if set(counts) != {length}:
            raise SystemExit(f"ct2 produced lengths {sorted(set(counts))}, not {length}")
        return sum(counts)

    generate(groups[0])  # warm-up
    start = time.perf_counter()
    produced = sum(generate(g) for g in groups)
    return time.perf_counter() - start, produced


_CT2: dict[tuple[str, str, str], Any] = {}


def _ct2_translator(ct2_dir: Path, device: str, compute_type: str) -> Any:
    import ctranslate2

    key = (str(ct2_dir), device, compute_type)
    if key not in _CT2:
        _CT2[key] = ctranslate2.Translator(
            str(ct2_dir),
            device=device,
            compute_type=compute_type,
            intra_threads=cores() if device == "cpu" else 0,
        )
    return _CT2[key]


# --- main ------------------------------------------------------------------------------


def prepare(work: Path) -> tuple[Path, Path, dict[str, int]]:
    from xlate.engines.model_store import convert, is_ct2_model
    from xlate.engines.models import ResolvedModel

    hf_dir, ct2_dir = work / "marian-opus-mt-size", work / "ct2-float32"
    info_file = work / "build.json"
    if not (hf_dir / "model.safetensors").is_file() or not info_file.is_file():
        started = time.perf_counter()
        info = build_model(hf_dir)
        info["build_s"] = round(time.perf_counter() - started)
        info_file.write_text(json.dumps(info), encoding="utf-8")
    info = json.loads(info_file.read_text(encoding="utf-8"))
    if not is_ct2_model(ct2_dir):
        source = ResolvedModel(name="random-opus-mt-size", path=hf_dir.resolve(), local=True)
        convert(source, ct2_dir, "float32", replace=True)
    return hf_dir, ct2_dir, info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--length", type=int, default=16, help="target tokens per sentence")
    parser.add_argument("--beams", default="4,1")
    parser.add_argument("--batches", default="16,64")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/xlate-throughput"))
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per setting")
    args = parser.parse_args()

    import torch
    from transformers import MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    torch.set_num_threads(cores())
    hf_dir, ct2_dir, info = prepare(args.work_dir)
    tokenizer = MarianTokenizer.from_pretrained(hf_dir)
    lines = read_lines("en")[: args.sentences]
    ids = [tokenizer(x, truncation=True, max_length=256)["input_ids"] for x in lines]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # sorted batches
    ids = [ids[i] for i in order]
    pieces = [tokenizer.convert_ids_to_tokens(x) for x in ids]
    pad = int(tokenizer.pad_token_id)

    if args.device == "cuda":
        hf_systems = [("hf fp16", "float16"), ("hf bf16", "bfloat16")]
        ct2_systems = [("ct2 fp16", "float16"), ("ct2 int8_fp16", "int8_float16")]
        base_name = "hf fp16"
    else:
        hf_systems = [("hf fp32", "float32")]
        ct2_systems = [("ct2 int8", "int8"), ("ct2 fp32", "float32")]
        base_name = "hf fp32"
    beams = [int(x) for x in args.beams.split(",")]
    sizes = [int(x) for x in args.batches.split(",")]
    systems: list[tuple[str, Any]] = [
        (name, lambda b, n, d=dtype: run_hf(hf_dir, ids, b, n, args.length, args.device, d, pad))
        for name, dtype in hf_systems
    ] + [
        (name, lambda b, n, c=ctype: run_ct2(ct2_dir, pieces, b, n, args.length, args.device, c))
        for name, ctype in ct2_systems
    ]
    rows: list[Row] = []
    for beam in beams:
        for size in sizes:
            seconds: dict[str, list[float]] = {name: [] for name, _ in systems}
            produced: dict[str, int] = {}
            for r in range(args.rounds):
                for name, runner in systems if r % 2 == 0 else reversed(systems):
                    secs, produced[name] = runner(beam, size)
                    seconds[name].append(secs)
            for name, _ in systems:
                median = statistics.median(seconds[name])
                rows.append(Row(name, beam, size, median, len(ids), produced[name]))
                spread = ", ".join(f"{x:.1f}" for x in seconds[name])
                print(f"  {name} beam {beam} batch {size}: {spread} s", flush=True)

    base = {(r.beams, r.batch): r for r in rows if r.system == base_name}
    print()
    print(
        f"model: MarianMT 6+6 layers, d_model 512, FFN 2048, 8 heads, vocab {info['vocab']} "
        f"({info['real_pieces']} real pieces: spm en {info['src_spm']} + es {info['tgt_spm']}, "
        f"{info['filler']} filler), random weights"
    )
    print(
        f"{len(ids)} newstest2012.en sentences (mean {statistics.mean(map(len, ids)):.1f} "
        f"source tokens), {args.length} target tokens each, device {args.device}, "
        f"{cores()} threads; torch {torch.__version__}; medians of {args.rounds} interleaved "
        f"rounds; load average {os.getloadavg()[0]:.1f} at the end"
    )
    versus = "x " + base_name
    header = f"{'system':<14} {'beam':>4} {'batch':>5} {'sent/s':>8} {'tok/s':>8} {versus:>10}"
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = r.sentences_per_s / base[(r.beams, r.batch)].sentences_per_s
        print(
            f"{r.system:<14} {r.beams:>4} {r.batch:>5} {r.sentences_per_s:>8.2f} "
            f"{r.tokens_per_s:>8.1f} {ratio:>9.2f}x"
        )


if __name__ == "__main__":
    main()
