/* test_arena.c — the per-document bump allocator and byte buffers. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "suites.h"

static gw_arena arena;

static void arena_teardown(void)
{
	gw_arena_free(&arena);
}

START_TEST(alloc_zeroed_aligned)
{
	for (size_t size = 1; size < 200; size += 7) {
		unsigned char *p = gw_arena_alloc(&arena, size);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq((uintptr_t)p % alignof(max_align_t), 0);
		for (size_t i = 0; i < size; i++)
			ck_assert_uint_eq(p[i], 0);
		memset(p, 0xAB, size);
	}
}
END_TEST

START_TEST(alloc_big_blocks)
{
	/* blocks larger than a chunk, and many small ones around them */
	char *small = gw_arena_alloc(&arena, 10);
	char *big = gw_arena_alloc(&arena, 200 * 1024);
	char *after = gw_arena_alloc(&arena, 10);
	ck_assert_ptr_nonnull(small);
	ck_assert_ptr_nonnull(big);
	ck_assert_ptr_nonnull(after);
	memset(big, 1, 200 * 1024);
	ck_assert_uint_eq(small[0], 0);
	ck_assert_uint_eq(after[0], 0);
	for (int i = 0; i < 10000; i++)
		ck_assert_ptr_nonnull(gw_arena_alloc(&arena, 24));
}
END_TEST

START_TEST(alloc_overflow)
{
	ck_assert_ptr_null(gw_arena_alloc(&arena, SIZE_MAX));
	ck_assert_ptr_null(gw_arena_alloc(&arena, SIZE_MAX - 8));
	/* rounds to a size that fits size_t, but not with the chunk header */
	ck_assert_ptr_null(gw_arena_alloc(&arena, SIZE_MAX - 40));
	ck_assert_ptr_null(gw_arena_strndup(&arena, "x", SIZE_MAX));
	ck_assert_ptr_nonnull(gw_arena_alloc(&arena, 8));
}
END_TEST

START_TEST(strndup_copies)
{
	char *s = gw_arena_strndup(&arena, "通知abc", 6);
	ck_assert_str_eq(s, "通知");
	ck_assert_str_eq(gw_arena_strndup(&arena, "", 0), "");
}
END_TEST

START_TEST(buf_grows_and_terminates)
{
	gw_buffer b = {0};
	int err = 0;
	for (int i = 0; i < 1000; i++)
		err |= gw_buf_puts(&b, "通知");
	err |= gw_buf_putc(&b, '!');
	err |= gw_buf_put(&b, "xyz", 0);
	err |= gw_buf_terminate(&b);
	size_t len = b.len;
	int ok = b.data[len] == '\0' && b.data[len - 1] == '!' &&
		 !memcmp(b.data + 5997, "知", 3);
	gw_buffer_free(&b);
	ck_assert_int_eq(err, 0);
	ck_assert_uint_eq(len, 6001);
	ck_assert(ok);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(buf_reserve_overflow)
{
	gw_buffer b = {0};
	ck_assert_int_eq(gw_buf_reserve(&b, SIZE_MAX), -1);
	ck_assert_int_eq(gw_buf_reserve(&b, SIZE_MAX / 2 + 1), -1);
	ck_assert_int_eq(gw_buf_reserve(&b, 10), 0);
	ck_assert_uint_gt(b.cap, 10);
	gw_buffer_free(&b);
}
END_TEST

Suite *arena_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc;

	tc = tcase_create("arena");
	tcase_add_checked_fixture(tc, NULL, arena_teardown);
	tcase_add_test(tc, alloc_zeroed_aligned);
	tcase_add_test(tc, alloc_big_blocks);
	tcase_add_test(tc, alloc_overflow);
	tcase_add_test(tc, strndup_copies);
	suite_add_tcase(s, tc);

	tc = tcase_create("buffer");
	tcase_add_test(tc, buf_grows_and_terminates);
	tcase_add_test(tc, buf_reserve_overflow);
	suite_add_tcase(s, tc);
	return s;
}
