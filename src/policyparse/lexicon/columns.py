"""Column headers of task-division tables (任务清单及责任分工) and what each column holds.

Offices name the same column many ways; each name maps to one role:

    task      工作任务, 重点任务, 主要任务, 任务名称, 重点工作, 工作事项 …  (the numbered parent)
    number    序号, 编号
    deadline  完成时限, 完成时间, 时间节点, 时限, 时间安排, 进度安排
    lead      牵头部门, 牵头单位, 主责单位 …
    support   配合部门, 配合单位, 协同单位, 参与单位 …
    units     责任单位, 责任部门, 责任主体 (who leads unless the cell says 牵头/配合)
    text      everything else: 任务目标, 工作措施, 具体措施, 工作内容, 备注 …
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Role(str, Enum):
    TASK = "task"
    NUMBER = "number"
    DEADLINE = "deadline"
    LEAD = "lead"
    SUPPORT = "support"
    UNITS = "units"
    TEXT = "text"


_ROLE_NAMES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.NUMBER, re.compile(r"^(?:序号|编号|序)$")),
    (Role.DEADLINE, re.compile(r"(?:完成)?(?:时限|时间|期限)|时间节点|时间安排|进度安排|完成日期")),
    (Role.SUPPORT, re.compile(r"(?:配合|协同|协助|参与)(?:部门|单位|处室)")),
    (Role.LEAD, re.compile(r"(?:牵头|主责)(?:部门|单位|处室|领导)?")),
    (Role.UNITS, re.compile(r"责任(?:部门|单位|处室|主体)|负责(?:部门|单位)|实施(?:部门|单位)")),
    (Role.TASK, re.compile(r"^(?:工作|重点|主要|具体)?(?:任务|工作|事项)(?:名称)?$|^类别$")),
)
_TEXT_NAMES = re.compile(r"目标|措施|内容|要求|举措|事项|任务|备注|说明|指标|成果|项目")
_SPACE = re.compile(r"[\s\u3000]+")


def role_of(header: str) -> Role | None:
    """The role of a column named ``header``, or None for a name no table uses.

    >>> role_of("牵头部门"), role_of("完成时限"), role_of("工作措施"), role_of("市财政局")
    (<Role.LEAD: 'lead'>, <Role.DEADLINE: 'deadline'>, <Role.TEXT: 'text'>, None)
    """
    name = _SPACE.sub("", header)
    if not name or len(name) > 12:
        return None
    for role, pattern in _ROLE_NAMES:
        if pattern.search(name):
            return role
    return Role.TEXT if _TEXT_NAMES.search(name) else None


@dataclass(frozen=True, slots=True)
class Columns:
    headers: tuple[str, ...]  # as written
    roles: tuple[Role, ...]

    def index(self, role: Role) -> int | None:
        return self.roles.index(role) if role in self.roles else None


def read_header(cells: list[str]) -> Columns | None:
    """The columns, if ``cells`` is a task-table header row: three or more names, most of
    them known, and at least one that says who or when (a unit or a deadline column)."""
    names = [_SPACE.sub("", c) for c in cells]
    if len(names) < 3 or len(set(names)) < len(names) * 0.8:
        return None
    roles = [role_of(c) for c in names]
    known = sum(r is not None for r in roles)
    if known * 3 < len(roles) * 2:
        return None
    if not any(r in (Role.LEAD, Role.UNITS, Role.DEADLINE, Role.SUPPORT) for r in roles):
        return None
    return Columns(tuple(c.strip() for c in cells), tuple(r or Role.TEXT for r in roles))


def same_header(cells: list[str], columns: Columns) -> bool:
    """A repeat of the header (printed again on a new page)."""
    return [_SPACE.sub("", c) for c in cells] == [_SPACE.sub("", h) for h in columns.headers]
