"""The native platform: the devices and firmware a kernel finds on the bare machine.

This folder owns what the *system* Machine offers a guest kernel besides the CPU:

* ``lsapic``   -- the processor's local SAPIC and interval timer (cr.lid/ivr/tpr/eoi/
                  irr0-3/itv/pmv/cmcv/lrr0-1, the ITC/ITM match), SDM vol. 2 ch. 5.8.
* ``uart``     -- a 16550-compatible UART on MMIO (``UART_BASE``) for a polled console.
* ``ssc``      -- Ski-compatible Simulator System Calls (``break 0x80001``, number in r15).
* ``firmware`` -- PAL and SAL (and minimal EFI runtime) entry points: a few real bundles
                  in a firmware area that ``break`` to the host, plus the SAL system table.
* ``boot``     -- loading a kernel ELF at its physical addresses, the boot parameters
                  (Linux ``ia64_boot_param``) and the initial CPU state; ``NativePlatform``
                  ties the devices together and serves platform ``break``s.

Nothing here knows how instructions execute; the Machine, its run loop and the
privileged-register helpers call into these objects.
"""

from .boot import BootError, NativePlatform, boot  # noqa: F401

__all__ = ["BootError", "NativePlatform", "boot"]
