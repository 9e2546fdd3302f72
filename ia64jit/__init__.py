"""ia64jit: the machine put together -- CPU state layout, memory, the public
Machine API and the ``ia64jit`` command."""
