"""Help that reads naturally: flags without a ``<bool>`` type, arguments in capitals.

typer's newer help (0.20+) labels every option with its Python type, so a flag reads
``--view <bool>`` and a required argument ``{source}`` in the usage line. The command and
group classes here give flags an empty metavar and write the usage line the classic way
(``SOURCE TRANSLATION``, ``[INPUT]`` when optional); older typers are unaffected.

The ``--engine`` help names the installed engines, plugins included; finding the plugins
scans every installed package's entry points, so it happens only when help is shown.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

# typer 0.20+ carries its own copy of click, older ones use click itself: the types here are
# whatever this typer's classes take.
Params = list[Any]


def _readable(params: Params) -> Params:
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""  # typer prints the metavar in the type column: nothing
    return params


ENGINE_HELP = "Translation engine: {engines}."  # filled in when help is shown


def _fill_engine_names(params: Params) -> None:
    for param in params:
        if getattr(param, "help", None) == ENGINE_HELP:
            from xlate.engines import engine_help

            param.help = engine_help()


def _usage(command: TyperCommand, ctx: Any) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            name = (param.metavar or param.name or "").upper()
            name = name if param.required else f"[{name}]"
            pieces.append(f"{name}..." if param.nargs != 1 else name)
    return pieces


class ReadableCommand(TyperCommand):
    def get_params(self, ctx: Any) -> Params:
        return _readable(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _usage(self, ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _fill_engine_names(self.get_params(ctx))
        super().format_help(ctx, formatter)


class ReadableGroup(TyperGroup):
    def get_params(self, ctx: Any) -> Params:
        return _readable(super().get_params(ctx))
