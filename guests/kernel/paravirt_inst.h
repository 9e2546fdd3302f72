/* paravirt_inst.h -- picks the assembler macro set for privileged operations,
 * as Linux/IA-64's asm/paravirt_inst.h does: every .S file that touches
 * privileged state includes this and uses only the macros, so a Xen domU
 * flavour is the same sources built with -D__IA64_ASM_PARAVIRTUALIZED_XEN
 * and a xen/inst.h beside native/inst.h.
 */
#ifdef __IA64_ASM_PARAVIRTUALIZED_XEN
#include "xen/inst.h"
#else
#include "native/inst.h"
#endif
