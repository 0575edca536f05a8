/* round_robin for shift bids (SPEC 3; NBPC 2019 Appendix II). Every
 * hand-worked case says in a comment how a supervisor would work it on
 * paper. */
#include "sbt.h"

/* ------------------------------------------------------- round_robin steps */

/* Step 3 (Appendix II IV.D) and step 7 (V.A.1). DAY max 2. E1, E2, E3 bid
 * [DAY, SWING]: E1 and E2 take DAY (rank 1), E3 finds DAY full and takes
 * SWING (rank 2). Denials: E1, E2 reset to 0; E3 had 1 and now has 2. */
static void test_rr_seniority_ranks(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      SHIFTS3,
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"SWING\"]},"
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"SWING\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E3\":1}}", RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E3", "SWING", "SENIORITY", 2, NULL);
  assert_int_equal(denials(res, "E1"), 0);
  assert_int_equal(denials(res, "E3"), 2);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.IV.D"));
  cJSON_Delete(res);
}

/* Step 2, the Shift Preference Plan (Appendix II V.A.2), worked by hand:
 * DAY has one place. E1 (senior) bids [DAY]; E2 bids [DAY, SWING] and was
 * denied the first choice twice (denials 2 = spp_denials). E2 is served
 * first in step 2 and gets DAY (SPP_GUARANTEE, rank 1); E1 finds DAY full,
 * has no other preference, and the agency places E1 (PREFS_FULL) on the
 * shift with most room (SWING, listed before MID). History: E2 back to 0,
 * E1 denied once. */
static void test_rr_spp_guarantee(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":3},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E2\":2}}", RR);
  expect_asg(res, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(res, "E1", "SWING", "AGENCY_PLACEMENT", 0, "PREFS_FULL");
  assert_string_equal(th_str(th_at(th_get(res, "assignments"), 0), "employee"), "E2");
  assert_int_equal(denials(res, "E2"), 0);
  assert_int_equal(denials(res, "E1"), 1);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.V.A.2"));
  cJSON_Delete(res);
}

/* Step 2 without room (V.A.2, SPEC warning SPP_NO_ROOM): E1's management
 * placement (III.I) fills DAY (max 1); E2's SPP first choice DAY has no
 * room, so E2 joins step 3 and takes SWING at rank 2; denials 2 -> 3. */
static void test_rr_spp_no_room(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, "\"fixed_shift\":\"DAY\""), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":3}",
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E1\":4}}", RR);
  expect_asg(res, "E1", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(res, "E2", "SWING", "SENIORITY", 2, NULL);
  assert_true(has_warning(res, "SPP_NO_ROOM"));
  assert_true(has_audit(res, "spp_no_room", "NBPC2019.APPII.V.A.2"));
  assert_int_equal(denials(res, "E2"), 3);
  assert_int_equal(denials(res, "E1"), 4); /* not a bidder: carried over */
  cJSON_Delete(res);
}

/* Step 4, an agency placement filling a grade minimum (Appendix II IV.A.4,
 * III.A), worked by hand. DAY: min 1, max 3, GS-13 min 1. MID: min 2,
 * max 3. E1 (GS-12) bids DAY and gets it. E2 (GS-13, no bid): DAY's unmet
 * GS-13 minimum is 1, the only unmet grade minimum for GS-13, so DAY wins
 * over MID's larger unmet total (2). E3 (GS-12, no bid): no grade limit
 * for GS-12; unmet totals DAY 0, MID 2: MID. MID ends 1 short. */
static void test_rr_agency_grade_minimum(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, "\"grade\":\"GS-12\""),
           emp("E2", 2011, "\"grade\":\"GS-13\""),
           emp("E3", 2012, "\"grade\":\"GS-12\"")),
      "{\"id\":\"DAY\",\"min\":1,\"max\":3,\"grades\":{\"GS-13\":{\"min\":1}}},"
      "{\"id\":\"MID\",\"min\":2,\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}", NULL, RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "DAY", "AGENCY_PLACEMENT", 0, "NO_BID");
  expect_asg(res, "E3", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *unmet = th_get(res, "unmet");
  assert_int_equal(cJSON_GetArraySize(unmet), 1);
  assert_string_equal(th_str(th_at(unmet, 0), "shift"), "MID");
  assert_true(cJSON_IsNull(th_get(th_at(unmet, 0), "grade")));
  assert_int_equal((int)th_num(th_at(unmet, 0), "deficit"), 1);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.IV.A.4"));
  cJSON_Delete(res);
}

/* Step 4 without minimums: most room left, ties to the shift listed first;
 * no room anywhere: unplaced NO_ROOM (SPEC 3). A max 2, B max 3, C max 3.
 * E1 (no bid): B (3, ties with C, B listed first). E2 (no_preference): C
 * (3 > 2). E3 (ineligible, series 2026): A, B, C all have 2: A. Then A 1,
 * B 2, C 2: E4 goes to B; E5 to C; E6 to A; E7 to B... until full (8
 * places); E9 is left unplaced. */
static void test_rr_agency_room_ties_unplaced(void **state) {
  (void)state;
  char *emps = join(9, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2026, NULL), emp("E4", 2012, NULL),
                    emp("E5", 2013, NULL), emp("E6", 2014, NULL),
                    emp("E7", 2015, NULL), emp("E8", 2016, NULL),
                    emp("E9", 2017, NULL));
  cJSON *res = solve_doc(emps,
                         "{\"id\":\"A\",\"max\":2},{\"id\":\"B\",\"max\":3},"
                         "{\"id\":\"C\",\"max\":3}",
                         "{\"employee\":\"E2\",\"no_preference\":true,"
                         "\"prefs\":[\"A\"]}",
                         NULL, RR);
  /* seniority: E1 E2 E4 E5 E6 E7 E8 E9 E3 (E3 started in 2026) */
  expect_asg(res, "E1", "B", "AGENCY_PLACEMENT", 0, "NO_BID");
  expect_asg(res, "E2", "C", "AGENCY_PLACEMENT", 0, "NO_PREFERENCE");
  expect_asg(res, "E4", "A", "AGENCY_PLACEMENT", 0, "NO_BID");
  /* after E4: A1 B2 C2 -> E5 B, E6 C, then A1 B1 C1 -> E7 A, E8 B, E9 C;
   * E3 (most junior) finds every shift full */
  expect_asg(res, "E9", "C", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *un = th_get(res, "unplaced");
  assert_int_equal(cJSON_GetArraySize(un), 1);
  assert_string_equal(th_str(th_at(un, 0), "employee"), "E3");
  assert_string_equal(th_str(th_at(un, 0), "reason"), "NO_ROOM");
  assert_string_equal(th_str(th_at(un, 0), "cause"), "INELIGIBLE_SERIES_TIME");
  /* SPEC 9: no_preference wins over prefs, and is stored that way */
  const cJSON *file = th_get(th_get(res, "history"), "bids_on_file");
  assert_true(cJSON_IsTrue(th_get(th_at(file, 0), "no_preference")));
  cJSON_Delete(res);
}

/* A bump chain (Appendix II V.A.3), worked by hand. DAY max 3, SWING max 1,
 * MID max 3. E1 [DAY], E2 [DAY], E3 [DAY, SWING, MID], E4 [SWING]; after
 * step 3 DAY = E1 E2 E3, SWING = E4. Adjustment 1 lowers DAY to 2: the
 * junior-most on DAY, E3, is bumped to the next available choice: SWING is
 * full, so MID (rank 3). Adjustment 2 places E5 on SWING (III.I): SWING is
 * over its max, E4 (the only one not placed by management) is bumped; E4
 * has no other choice, so the agency places E4 outside SWING: DAY is full,
 * MID has room (cause BUMPED). history.bumped: DAY [E3], SWING [E4]. */
static void test_rr_bump_chain(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(5, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL),
           emp("E4", 2013, NULL), emp("E5", 2014, NULL)),
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"SWING\",\"max\":1},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"SWING\",\"MID\"]},"
      "{\"employee\":\"E4\",\"prefs\":[\"SWING\"]},"
      "{\"employee\":\"E5\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":2},"
      "{\"place\":\"E5\",\"shift\":\"SWING\"}]",
      RR);
  expect_asg(res, "E3", "MID", "BUMPED", 3, NULL);
  expect_asg(res, "E4", "MID", "AGENCY_PLACEMENT", 0, "BUMPED");
  expect_asg(res, "E5", "SWING", "MANAGEMENT_PLACEMENT", 0, NULL);
  const cJSON *bumps = th_get(res, "bumps");
  assert_int_equal(cJSON_GetArraySize(bumps), 2);
  assert_string_equal(th_str(th_at(bumps, 0), "employee"), "E3");
  assert_string_equal(th_str(th_at(bumps, 0), "to"), "MID");
  assert_string_equal(th_str(th_at(bumps, 1), "employee"), "E4");
  assert_string_equal(th_str(th_at(bumps, 1), "from"), "SWING");
  const cJSON *bumped = th_get(th_get(res, "history"), "bumped");
  const char *day[] = {"E3"}, *swing[] = {"E4"};
  th_assert_strings(th_get(bumped, "DAY"), 1, day);
  th_assert_strings(th_get(bumped, "SWING"), 1, swing);
  /* E5 was first placed by the agency (DAY full), then moved: the entry
   * stays where it was first placed (SPEC 9) */
  assert_true(has_audit(res, "bump", "NBPC2019.APPII.V.A.3"));
  assert_int_equal(denials(res, "E3"), 1);
  assert_int_equal(denials(res, "E5"), 1);
  cJSON_Delete(res);
}

/* The bump-list reset (Appendix II V.A.3.a), worked by hand: DAY max 2
 * holds E1 and E2 (both [DAY, MID]); history.bumped DAY = [E2, E1]. DAY is
 * lowered to 1: everyone on DAY has been bumped once, so the list is
 * cleared and the junior-most, E2, is bumped again, to MID (rank 2). The
 * new list is [E2]. */
static void test_rr_bump_list_reset(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"bumped\":{\"DAY\":[\"E2\",\"E1\"]}},"
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}]",
      RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "BUMPED", 2, NULL);
  const char *day[] = {"E2"};
  th_assert_strings(th_get(th_get(th_get(res, "history"), "bumped"), "DAY"), 1, day);
  assert_true(has_audit(res, "bump_cycle_reset", "NBPC2019.APPII.V.A.3.a"));
  cJSON_Delete(res);
}

/* Without a reset the junior-most not yet bumped goes: DAY [E2] on file,
 * so E1 (senior, not on the list) is bumped, not E2 (V.A.3.a). */
static void test_rr_bump_skips_already_bumped(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"bumped\":{\"DAY\":[\"E2\"]}},"
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}]",
      RR);
  expect_asg(res, "E1", "MID", "BUMPED", 2, NULL);
  expect_asg(res, "E2", "DAY", "SENIORITY", 1, NULL);
  const char *day[] = {"E2", "E1"};
  th_assert_strings(th_get(th_get(th_get(res, "history"), "bumped"), "DAY"), 2, day);
  assert_false(has_audit(res, "bump_cycle_reset", "NBPC2019.APPII.V.A.3.a"));
  cJSON_Delete(res);
}

/* SPEC 9: a bumped employee with nowhere to go is unplaced (NO_ROOM, cause
 * BUMPED) and the bump has "to": null; a shift with only management
 * placements stays over its max with warning OVER_MAX. */
static void test_rr_bump_nowhere_and_over_max(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
           emp("E3", 2012, "\"fixed_shift\":\"MID\""),
           emp("E4", 2013, "\"fixed_shift\":\"MID\"")),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1},{\"shift\":\"MID\",\"max\":1}]",
      RR);
  const cJSON *bumps = th_get(res, "bumps");
  assert_int_equal(cJSON_GetArraySize(bumps), 1);
  assert_string_equal(th_str(th_at(bumps, 0), "employee"), "E2");
  assert_true(cJSON_IsNull(th_get(th_at(bumps, 0), "to")));
  const cJSON *un = th_get(res, "unplaced");
  assert_int_equal(cJSON_GetArraySize(un), 1);
  assert_string_equal(th_str(th_at(un, 0), "cause"), "BUMPED");
  assert_null(find_by(th_get(res, "assignments"), "employee", "E2"));
  assert_true(has_warning(res, "OVER_MAX"));
  cJSON_Delete(res);
}

/* Exclusions (III.C, III.J, VI.A, VII.A; SPEC 3): TDY outside always;
 * detailed/light/admin duty unless return_date is on or before the end of
 * the rotation; an excluded status wins over fixed_shift (SPEC 9). */
static void test_rr_exclusions(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(7, emp("E1", 2010, "\"status\":\"detailed\""),
           emp("E2", 2011, "\"status\":\"detailed\",\"return_date\":\"2027-01-31\""),
           emp("E3", 2012, "\"status\":\"light_duty\",\"return_date\":\"2027-01-30\""),
           emp("E4", 2013, "\"status\":\"admin_duty\""),
           emp("E5", 2014, "\"status\":\"tdy_outside\",\"return_date\":\"2026-10-01\""),
           emp("E6", 2015, "\"status\":\"light_duty\",\"fixed_shift\":\"DAY\""),
           emp("E7", 2016, "\"status\":\"active\"")),
      SHIFTS3,
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"MID\"]}",
      NULL, RR);
  const cJSON *ex = th_get(res, "excluded");
  assert_int_equal(cJSON_GetArraySize(ex), 5);
  assert_string_equal(th_str(find_by(ex, "employee", "E1"), "reason"), "EXCLUDED_DETAIL");
  assert_string_equal(th_str(find_by(ex, "employee", "E2"), "reason"), "EXCLUDED_DETAIL");
  assert_string_equal(th_str(find_by(ex, "employee", "E4"), "reason"), "EXCLUDED_ADMIN_DUTY");
  assert_string_equal(th_str(find_by(ex, "employee", "E5"), "reason"), "EXCLUDED_TDY");
  assert_string_equal(th_str(find_by(ex, "employee", "E6"), "reason"), "EXCLUDED_LIGHT_DUTY");
  expect_asg(res, "E3", "MID", "SENIORITY", 1, NULL);
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.III.C"));
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.VI.A"));
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.VII.A"));
  /* the excluded bidder keeps the sheet on file, and no denial */
  assert_int_equal(denials(res, "E1"), -1);
  assert_non_null(find_by(th_get(th_get(res, "history"), "bids_on_file"), "employee", "E1"));
  cJSON_Delete(res);
}

/* III.D.1-2 (SPEC 3): eligible when series_start - credit + 2 years is on
 * or before rotation.start; February 29 + 2 years = March 1. */
static void test_rr_eligibility_series_time(void **state) {
  (void)state;
  const char *fmt =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-01-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":["
      "{\"id\":\"E1\",\"service\":{\"series_start\":\"2024-02-29\","
      "\"usbp_start\":\"2024-02-29\",\"cbp_start\":\"2024-02-29\"}},"
      "{\"id\":\"E2\",\"service\":{\"series_start\":\"2024-03-02\","
      "\"usbp_start\":\"2024-03-02\",\"cbp_start\":\"2024-03-02\"},"
      "\"credit_days\":{\"series\":1}}],"
      "\"rotation\":{\"start\":\"%s\",\"end\":\"2026-12-31\"},"
      "\"shifts\":[{\"id\":\"DAY\"},{\"id\":\"MID\"}],"
      "\"bids\":[{\"employee\":\"E1\",\"prefs\":[\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"MID\"]}]}";
  char *doc = th_fmt(fmt, "2026-03-01");
  cJSON *res = th_solve(doc, RR);
  expect_asg(res, "E1", "MID", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "SENIORITY", 1, NULL); /* 2024-03-01 + 2y */
  cJSON_Delete(res);
  free(doc);
  doc = th_fmt(fmt, "2026-02-28");
  res = th_solve(doc, RR);
  /* SPEC 9: neither shift has a max, so both have unlimited room and tie
   * on "most room": the first listed (DAY) takes both. */
  expect_asg(res, "E1", "DAY", "AGENCY_PLACEMENT", 0, "INELIGIBLE_SERIES_TIME");
  expect_asg(res, "E2", "DAY", "AGENCY_PLACEMENT", 0, "INELIGIBLE_SERIES_TIME");
  assert_int_equal(denials(res, "E1"), -1); /* not a bidder */
  cJSON_Delete(res);
  free(doc);
}

/* IV.B and SPEC 9: a sheet on file is used when there is no new one; a new
 * sheet replaces the one on file in place, others are appended; a shift
 * listed twice ranks at its first place; an empty prefs is no preference. */
static void test_rr_bids_on_file(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL),
           emp("E4", 2013, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E4\",\"prefs\":[]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"DAY\",\"MID\"]}",
      "\"history\":{\"bids_on_file\":[{\"employee\":\"E2\",\"prefs\":[\"SWING\"]},"
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}]}",
      RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);  /* from the file */
  expect_asg(res, "E2", "MID", "SENIORITY", 3, NULL);  /* new sheet, rank 3 */
  expect_asg(res, "E3", "SWING", "AGENCY_PLACEMENT", 0, "NO_BID");
  /* E3 took SWING (room 2 > MID 1); now SWING and MID tie at 1: SWING */
  expect_asg(res, "E4", "SWING", "AGENCY_PLACEMENT", 0, "NO_PREFERENCE");
  const cJSON *file = th_get(th_get(res, "history"), "bids_on_file");
  assert_int_equal(cJSON_GetArraySize(file), 3);
  assert_string_equal(th_str(th_at(file, 0), "employee"), "E2");
  assert_int_equal(cJSON_GetArraySize(th_get(th_at(file, 0), "prefs")), 3);
  assert_string_equal(th_str(th_at(file, 1), "employee"), "E1");
  assert_string_equal(th_str(th_at(file, 2), "employee"), "E4");
  assert_true(cJSON_IsTrue(th_get(th_at(file, 2), "no_preference")));
  cJSON_Delete(res);
}

/* Grade max (SPEC 3 "room"): DAY holds one GS-12 at most. E1 (GS-12) takes
 * DAY; E2 (GS-12) finds no GS-12 room and takes MID (rank 2); E3 (GS-11)
 * still gets DAY. */
static void test_rr_grade_max_room(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, "\"grade\":\"GS-12\""),
           emp("E2", 2011, "\"grade\":\"GS-12\""),
           emp("E3", 2012, "\"grade\":\"GS-11\"")),
      "{\"id\":\"DAY\",\"max\":3,\"grades\":{\"GS-12\":{\"max\":1}}},{\"id\":\"MID\"}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      NULL, RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "SENIORITY", 2, NULL);
  expect_asg(res, "E3", "DAY", "SENIORITY", 1, NULL);
  cJSON_Delete(res);
}

/* SPEC 9: {"place": E} moves E from wherever, including `excluded`. */
static void test_rr_adjust_place_from_excluded(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, "\"status\":\"detailed\""), emp("E2", 2011, NULL)),
      SHIFTS3, "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"place\":\"E1\",\"shift\":\"MID\"}]", RR);
  expect_asg(res, "E1", "MID", "MANAGEMENT_PLACEMENT", 0, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(res, "excluded")), 0);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.III.I"));
  cJSON_Delete(res);
}

/* Determinism: the same document gives byte-identical results. */
static void test_deterministic(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2010, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps, SHIFTS3,
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
                      "\"history\":{\"denials\":{\"E3\":3}}");
  for (int m = 0; m < 2; m++) {
    char *a = th_solve_text(doc, m), *b = th_solve_text(doc, m);
    assert_string_equal(a, b);
    free(a);
    free(b);
  }
  free(doc);
  free(emps);
}


/* NBPC2019.APPII.IV.A.4 step 4 with SPEC 9 ("a shift without max has
 * unlimited room"): A has max 5, B and C none. No bids, no minimums, so
 * each agent goes to the shift with the most room: B and C tie
 * (unlimited) above A, and the tie goes to B, listed first, every time
 * (issue 10 item 4: B was counted as 2^50 minus its headcount, so the
 * second agent went to the emptier C). */
static void test_rr_agency_unlimited_room_ties(void **state) {
  (void)state;
  for (int m = 0; m < 2; m++) {
    cJSON *res = solve_doc(join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                                emp("E3", 2012, NULL)),
                           "{\"id\":\"A\",\"max\":5},{\"id\":\"B\"},{\"id\":\"C\"}",
                           "", NULL, m);
    expect_asg(res, "E1", "B", "AGENCY_PLACEMENT", 0, "NO_BID");
    expect_asg(res, "E2", "B", "AGENCY_PLACEMENT", 0, "NO_BID");
    expect_asg(res, "E3", "B", "AGENCY_PLACEMENT", 0, "NO_BID");
    cJSON_Delete(res);
  }
}

/* The hand-worked conformance cases of SPEC 3 (copied into cases/):
 * seniority ranks (IV.D), bumping with the list reset (V.A.3, V.A.3.a),
 * bumping below a max (V.A.3), a lottery tie-break, exclusions and series
 * time (III.C, VI.A, VII.A, III.D.1-2), a management placement with an
 * adjustment and grade limits (III.I, III.A), SPP with no room (V.A.2). */
static void test_rr_cases(void **state) {
  (void)state;
  run_case("sb_basic_seniority");
  run_case("sb_bump_clear_list");
  run_case("sb_bump_max");
  run_case("sb_custom_lottery");
  run_case("sb_exclusions_eligibility");
  run_case("sb_place_adjust_grades");
  run_case("sb_spp_and_no_room");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rr_seniority_ranks),
      cmocka_unit_test(test_rr_spp_guarantee),
      cmocka_unit_test(test_rr_spp_no_room),
      cmocka_unit_test(test_rr_agency_grade_minimum),
      cmocka_unit_test(test_rr_agency_room_ties_unplaced),
      cmocka_unit_test(test_rr_bump_chain),
      cmocka_unit_test(test_rr_bump_list_reset),
      cmocka_unit_test(test_rr_bump_skips_already_bumped),
      cmocka_unit_test(test_rr_bump_nowhere_and_over_max),
      cmocka_unit_test(test_rr_exclusions),
      cmocka_unit_test(test_rr_eligibility_series_time),
      cmocka_unit_test(test_rr_bids_on_file),
      cmocka_unit_test(test_rr_grade_max_room),
      cmocka_unit_test(test_rr_adjust_place_from_excluded),
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_rr_cases),
      cmocka_unit_test(test_rr_agency_unlimited_room_ties),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
