"""A mypy plugin for two things of Qt for Python's API that PySide6's generated stubs leave out.

- A Qt class's constructor takes any Qt property or signal of the class and of its bases as a
  keyword (`QLabel(text, objectName="title")`, `QShortcut(keys, self, activated=slot)`), but
  the stubs list only the class's own properties. A keyword is accepted here when the class or
  one of its bases has an attribute of that name; any other keyword is still an error.
- `QT_TRANSLATE_NOOP(context, text)` returns `text` as it is; the stubs say `object`.

Named in `[tool.mypy] plugins`; nothing of the desk imports it.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_NAMED_OPT, CallExpr, TypeInfo
from mypy.plugin import FunctionContext, FunctionSigContext, MethodSigContext, Plugin
from mypy.types import AnyType, CallableType, FunctionLike, Instance, Type, TypeOfAny


def _with_keywords(signature: CallableType, info: TypeInfo, call: object) -> CallableType:
    if not isinstance(call, CallExpr) or signature.is_kw_arg:
        return signature
    known = set(signature.arg_names)
    extra = [
        name
        for name in call.arg_names
        if name is not None and name not in known and info.get(name) is not None
    ]
    if not extra:
        return signature
    return signature.copy_modified(
        arg_types=[*signature.arg_types, *(AnyType(TypeOfAny.explicit) for _ in extra)],
        arg_kinds=[*signature.arg_kinds, *(ARG_NAMED_OPT for _ in extra)],
        arg_names=[*signature.arg_names, *extra],
    )


def _constructor(ctx: FunctionSigContext) -> FunctionLike:
    made = ctx.default_signature.ret_type
    if not isinstance(made, Instance):
        return ctx.default_signature
    return _with_keywords(ctx.default_signature, made.type, ctx.context)


def _init(class_name: str) -> Callable[[MethodSigContext], FunctionLike]:
    def hook(ctx: MethodSigContext) -> FunctionLike:
        info = ctx.api.lookup_typeinfo(class_name)  # type: ignore[attr-defined]
        return _with_keywords(ctx.default_signature, info, ctx.context)

    return hook


def _translate_noop(ctx: FunctionContext) -> Type:
    texts = ctx.arg_types[1] if len(ctx.arg_types) > 1 else []
    return texts[0] if texts else ctx.default_return_type


class PySidePlugin(Plugin):
    def get_function_signature_hook(
        self, fullname: str
    ) -> Callable[[FunctionSigContext], FunctionLike] | None:
        return _constructor if fullname.startswith("PySide6.") else None

    def get_method_signature_hook(
        self, fullname: str
    ) -> Callable[[MethodSigContext], FunctionLike] | None:
        if fullname.startswith("PySide6.") and fullname.endswith(".__init__"):
            return _init(fullname.removesuffix(".__init__"))
        return None

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return _translate_noop if fullname == "PySide6.QtCore.QT_TRANSLATE_NOOP" else None


def plugin(version: str) -> type[Plugin]:
    return PySidePlugin
