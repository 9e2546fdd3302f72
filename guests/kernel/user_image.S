/* user_image.S -- the user image (user/user.bin, built from user/) inside the
 * kernel image, page aligned: the kernel maps its pages into every task's
 * region 1 on demand (mm.c). */
#include "kregs.h"

	.section .user_image, "a"
	.align PAGE_SIZE
	.global user_image_start, user_image_end
user_image_start:
	.incbin "user.bin"
user_image_end:
	.align PAGE_SIZE
