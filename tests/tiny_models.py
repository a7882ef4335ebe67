"""Tiny translation models with random weights, built locally for tests (no hub access).

The models translate nothing meaningful, but they exercise the whole real pipeline:
sentencepiece tokenizers trained on a few lines of each language, transformers' Marian
(and M2M100) classes, generation, batching, cross-attention. Each is a few hundred KB
and builds in well under a second.

Fixtures (declared in tests/conftest.py, session-scoped, shared by every test module):

- ``tiny_model(src, tgt) -> Path``: a MarianMT directory (``config.json``,
  ``model.safetensors``, ``source.spm``, ``target.spm``, ``vocab.json``...) for one
  direction, e.g. ``tiny_model("en", "es")``; built once per session and direction.
  Pass it as ``EngineOptions(model=str(path))`` or ``--model PATH``.
- ``tiny_m2m100_model() -> Path``: one multilingual M2M100-style model for en/es/ru
  (language tokens ``__en__``, ``__es__``, ``__ru__``).

Both sizes keep ``max_position_embeddings`` at :data:`TINY_MAX_POSITIONS`, so a sentence
of a few dozen words is "longer than the model's limit" and gets split by the engine.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from pathlib import Path

from conftest import SAMPLE, corpus_lines

TINY_MAX_POSITIONS = 64  # tokens; small so the over-long-sentence path is easy to reach
TINY_VOCAB_SIZE = 400
CORPUS_LINES_PER_LANGUAGE = 300
SEED = 1234
# Wide random weights: outputs then differ per input and vary in length (with the usual
# 0.02 every input decodes to the same string), so order and batching are testable.
RANDOM_INIT_STD = 1.0


def use_one_thread() -> None:
    """Run torch on one thread (here and in child processes), as tiny models want.

    Their operations are too small to share out, and on a busy machine OpenMP threads
    waiting on each other made a tiny-model test 14x slower than one thread.
    """
    import torch

    os.environ["OMP_NUM_THREADS"] = "1"
    torch.set_num_threads(1)


def training_lines(lang: str) -> list[str]:
    """A few hundred lines of ``lang`` (plus the English sample) to train a vocabulary."""
    lines = corpus_lines(lang)[:CORPUS_LINES_PER_LANGUAGE]
    if lang == "en":
        lines += [ln for ln in SAMPLE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def train_sentencepiece(lines: Iterable[str], vocab_size: int = TINY_VOCAB_SIZE) -> bytes:
    """A serialized unigram sentencepiece model trained on ``lines``."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)),
        model_writer=buffer,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        bos_id=-1,
        eos_id=1,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
    )
    return buffer.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_marian(src: str, tgt: str, out: Path) -> Path:
    """Write a random-weight MarianMT model and MarianTokenizer files for src->tgt to ``out``."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    source_spm = train_sentencepiece(training_lines(src))
    target_spm = train_sentencepiece(training_lines(tgt))
    (out / "source.spm").write_bytes(source_spm)
    (out / "target.spm").write_bytes(target_spm)
    # One shared vocabulary as in opus-mt: </s> 0, <unk> 1, pieces of both sides, <pad> last.
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece in _pieces(source_spm) + _pieces(target_spm):
        vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang=src,
        target_lang=tgt,
        model_max_length=TINY_MAX_POSITIONS,
    )
    tokenizer.save_pretrained(out)

    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=TINY_MAX_POSITIONS,
        init_std=RANDOM_INIT_STD,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
    )
    torch.manual_seed(SEED)
    model = MarianMTModel(config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad,
        pad_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        bad_words_ids=[[pad]],
        max_length=TINY_MAX_POSITIONS,
        num_beams=4,
    )
    model.save_pretrained(out)
    return out


def build_m2m100(out: Path, langs: tuple[str, ...] = ("en", "es", "ru")) -> Path:
    """Write a random-weight M2M100 model whose tokenizer knows ``__en__``, ``__es__``, ``__ru__``."""
    import torch
    from transformers import GenerationConfig, M2M100Config, M2M100ForConditionalGeneration
    from transformers.models.m2m_100.tokenization_m2m_100 import M2M100Tokenizer

    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for lang in langs:
        lines += training_lines(lang)
    shared_spm = train_sentencepiece(lines, vocab_size=2 * TINY_VOCAB_SIZE)
    (out / "sentencepiece.bpe.model").write_bytes(shared_spm)
    vocab: dict[str, int] = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for piece in _pieces(shared_spm):
        vocab.setdefault(piece, len(vocab))
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = M2M100Tokenizer(
        vocab_file=str(out / "vocab.json"),
        spm_file=str(out / "sentencepiece.bpe.model"),
        src_lang="en",
        tgt_lang="es",
        model_max_length=TINY_MAX_POSITIONS,
    )
    tokenizer.save_pretrained(out)

    config = M2M100Config(
        # the language ids come after the spm pieces (len(tokenizer) does not count them)
        vocab_size=tokenizer.encoder_size + len(tokenizer.lang_code_to_id) + 8,
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=TINY_MAX_POSITIONS,
        init_std=RANDOM_INIT_STD,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
    )
    torch.manual_seed(SEED)
    model = M2M100ForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(
        decoder_start_token_id=2,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        max_length=TINY_MAX_POSITIONS,
        num_beams=4,
    )
    model.save_pretrained(out)
    return out
