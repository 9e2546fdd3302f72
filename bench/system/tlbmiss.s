// TLB misses: with psr.it/dt on (region 0 identity-mapped by TR 0), a
// loop makes params[0] sweeps over params[1] pages of region 2 (4 KB pages,
// rr2.ve = 0: no VHPT walk), reading two words of each page: the first
// misses the TLB, the second hits the translation the handler inserted.
// After every sweep ptc.l purges the whole range, so the next sweep misses
// again.  The Alternate Data TLB vector (SDM vol. 2 5.4, 0x1000; the Data
// TLB vector 0x0800 gets the same handler) builds the PTE for cr.ifa --
// the page's index in region 2 selects a page of physical TLB_DATA_PA --
// and inserts it with itc.d (cr.itir as the fault set it: rr2.ps, rr2.rid).
//
// results[0] = misses served, results[1] = the loop's sum of the words read
// (the harness stores known values there).

	.include "sysbench.inc"

PAGE_SHIFT	= 12
TLB_DATA_PA	= 0x400000		// ia64jit/sysbench.py fills the pages
PURGE_PS	= 20			// ptc.l range: 1 MB = up to 256 pages

	.global _start
_start:
	SYSBENCH_INIT
	MAP_KERNEL
	SET_RR	REGION2, 2, PAGE_SHIFT
	mov cr.pta = r0			// VHPT walker off
	;;
	srlz.d
	PARAM	r10, 0			// sweeps
	PARAM	r11, 1			// pages per sweep
	RFI_TO	sweep, PSR_IC | PSR_DT | PSR_IT | PSR_BN

sweep:
	mov r9 = 0
	adds r11 = -1, r11
	movl r13 = REGION2
	mov r3 = PURGE_PS << 2
	;;
next_sweep:
	mov ar.lc = r11
	mov r14 = r13
	;;
page:
	ld8 r15 = [r14], 8		// misses
	;;
	ld8 r16 = [r14], -8		// hits
	;;
	add r9 = r9, r15
	movl r2 = 1 << PAGE_SHIFT
	;;
	add r9 = r9, r16
	add r14 = r14, r2
	br.cloop.sptk.few page
	;;
	ptc.l r13, r3			// every translation of the sweep goes
	;;
	srlz.d
	adds r10 = -1, r10
	;;
	cmp.ne p6, p0 = 0, r10
(p6)	br.cond.sptk.few next_sweep
	;;
	movl r2 = RESULTS + 8
	;;
	st8 [r2] = r9
	br.sptk.many done
	;;

vec_0800:
vec_1000:				// bank 0, psr.ic = 0, it/dt kept
	mov r17 = cr.ifa
	movl r18 = TLB_DATA_PA | PTE_P | PTE_MA_WB | PTE_A | PTE_D | PTE_AR_RW
	;;
	extr.u r19 = r17, PAGE_SHIFT, 8	// the page's index in the range
	;;
	shl r19 = r19, PAGE_SHIFT
	;;
	or r18 = r18, r19
	;;
	itc.d r18
	;;
	COUNT	0, r20, r21
	;;
	rfi
	;;

	SYSBENCH_IVT
