/* runner.c — runs every unit-test suite; exit status 1 on any failure. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(numeral_suite());
	srunner_add_suite(sr, utf8_suite());
	srunner_add_suite(sr, reader_suite());
	srunner_add_suite(sr, tsv_suite());
	srunner_add_suite(sr, clean_suite());
	srunner_add_suite(sr, meta_suite());
	srunner_add_suite(sr, outline_suite());
	srunner_add_suite(sr, arena_suite());
	srunner_add_suite(sr, units_suite());
	srunner_add_suite(sr, dates_suite());
	srunner_add_suite(sr, targets_suite());
	srunner_add_suite(sr, refs_suite());
	srunner_add_suite(sr, store_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
