/* native/inst.h -- the assembler macro set for privileged operations, native
 * (bare hardware) flavour: each macro is the one privileged instruction it
 * names.  Names and arguments are those of Linux/IA-64's asm/native/inst.h
 * (pvops-reference.md section 1.9): `pred` is a qualifying predicate, `clob*`
 * name scratch registers and `pred_clob` a scratch predicate that another
 * flavour (Xen: loads/stores to the XSI area, hyperprivops) may use.  The
 * native versions never touch the clobbers, so callers must not rely on that.
 *
 * Additions beyond section 1.9, in the same style: MOV_FROM_IFS (read after
 * COVER; Linux folds this into DO_SAVE_MIN), and the boot-time operations of
 * head.S (MOV_TO_RR, ITR_I, ITR_D, MOV_TO_IVA, MOV_TO_PTA, MOV_TO_DCR,
 * MOV_TO_ITV, MOV_TO_TPR) which a Xen domU would not run (it starts in
 * virtual mode with its own setup).
 */
#ifndef NATIVE_INST_H
#define NATIVE_INST_H

#define IA64_KR_AR_CURRENT	ar.k6
#define IA64_KR_AR_PT_BASE	ar.k7

/* --- interruption registers --- */
#define MOV_FROM_IFA(reg)		mov reg = cr.ifa
#define MOV_FROM_ITIR(reg)		mov reg = cr.itir
#define MOV_FROM_ISR(reg)		mov reg = cr.isr
#define MOV_FROM_IHA(reg)		mov reg = cr.iha
#define MOV_FROM_IPSR(pred, reg)	(pred) mov reg = cr.ipsr
#define MOV_FROM_IIM(reg)		mov reg = cr.iim
#define MOV_FROM_IIP(reg)		mov reg = cr.iip
#define MOV_FROM_IFS(reg)		mov reg = cr.ifs
#define MOV_FROM_IVR(reg, clob)		mov reg = cr.ivr
#define MOV_FROM_PSR(pred, reg, clob)	(pred) mov reg = psr
#define MOV_FROM_ITC(pred, pred_clob, reg, clob) (pred) mov reg = ar.itc

#define MOV_TO_IFA(reg, clob)		mov cr.ifa = reg
#define MOV_TO_ITIR(pred, reg, clob)	(pred) mov cr.itir = reg
#define MOV_TO_IHA(pred, reg, clob)	(pred) mov cr.iha = reg
#define MOV_TO_IPSR(pred, reg, clob)	(pred) mov cr.ipsr = reg
#define MOV_TO_IFS(pred, reg, clob)	(pred) mov cr.ifs = reg
#define MOV_TO_IIP(reg, clob)		mov cr.iip = reg
#define MOV_TO_KR(kr, reg, clob0, clob1) mov IA64_KR_AR_##kr = reg

/* --- translation cache --- */
#define ITC_I(pred, reg, clob)		(pred) itc.i reg
#define ITC_D(pred, reg, clob)		(pred) itc.d reg
#define ITC_I_AND_D(pred_i, pred_d, reg, clob) \
	(pred_i) itc.i reg;			\
	(pred_d) itc.d reg
#define THASH(pred, reg0, reg1, clob)	(pred) thash reg0 = reg1

/* --- psr --- */
#define PSR_DEFAULT_BITS		0
#define SSM_PSR_IC_AND_DEFAULT_BITS_AND_SRLZ_I(clob0, clob1) \
	ssm psr.ic | PSR_DEFAULT_BITS		\
	;;					\
	srlz.i					\
	;;
#define SSM_PSR_IC_AND_SRLZ_D(clob0, clob1)	\
	ssm psr.ic				\
	;;					\
	srlz.d
#define RSM_PSR_IC(clob)		rsm psr.ic
#define SSM_PSR_I(pred, pred_clob, clob) (pred) ssm psr.i
#define RSM_PSR_I(pred, clob0, clob1)	(pred) rsm psr.i
#define RSM_PSR_I_IC(clob0, clob1, clob2) rsm psr.i | psr.ic
#define RSM_PSR_DT			rsm psr.dt
#define SSM_PSR_DT_AND_SRLZ_I		\
	ssm psr.dt			\
	;;				\
	srlz.i
#define RSM_PSR_BE_I(clob0, clob1)	rsm psr.be | psr.i

/* --- register banks, frames, return from interruption --- */
#define BSW_0(clob0, clob1, clob2)	bsw.0
#define BSW_1(clob0, clob1)		bsw.1
#define COVER				cover
#define RFI				rfi

/* --- boot-time (head.S) operations --- */
#define MOV_TO_RR(addr, reg)		mov rr[addr] = reg
#define ITR_I(slot, reg)		itr.i itr[slot] = reg
#define ITR_D(slot, reg)		itr.d dtr[slot] = reg
#define MOV_TO_IVA(reg)			mov cr.iva = reg
#define MOV_TO_PTA(reg)			mov cr.pta = reg
#define MOV_TO_DCR(reg)			mov cr.dcr = reg

#endif
