/* The rule functions of lib/shiftbid/rules.c, one test per rule, each on a
 * hand-worked station, and the decision sequence driven turn by turn (the
 * way a bidding session, SPEC 10, will drive it). */
#include "sbt.h"
#include "shiftbid/shiftbid.h"

/* A parsed problem and a solve state over it, for calling rules directly. */
typedef struct rig {
  senbid_problem *p;
  const sbs_data *d;
  sb_err err;
  sb_ctx ctx;
  sb_out o;
  sbs_state st;
} rig;

static void rig_open(rig *r, const char *doc, int method) {
  memset(r, 0, sizeof *r);
  r->p = th_parse_ok(doc);
  r->d = r->p->kind_data;
  r->ctx.p = r->p;
  r->ctx.method = method;
  r->ctx.err = &r->err;
  sb_arena_init(&r->ctx.scratch, &r->p->alloc);
  sb_buf_init(&r->o.body, &r->p->alloc);
  sb_buf_init(&r->o.audit.buf, &r->p->alloc);
  sb_buf_init(&r->o.warnings.buf, &r->p->alloc);
  sb_jw_init(&r->o.w, &r->o.body, 1, false);
  sb_jw_init(&r->o.audit.w, &r->o.audit.buf, 1, true);
  sb_jw_init(&r->o.warnings.w, &r->o.warnings.buf, 1, true);
  assert_int_equal(sbs_state_init(&r->st, &r->ctx, &r->o, method == LEX),
                   SENBID_OK);
}

static void rig_close(rig *r) {
  sb_vec_free(&r->st.bumps);
  sb_buf_free(&r->o.body);
  sb_buf_free(&r->o.audit.buf);
  sb_buf_free(&r->o.warnings.buf);
  sb_arena_free(&r->ctx.scratch);
  senbid_problem_free(r->p);
}

static uint32_t E(const rig *r, const char *id) {
  int64_t e = sb_problem_find(r->p, id);
  assert_true(e >= 0);
  return (uint32_t)e;
}

/* NBPC2019.APPII.III.C, III.J, VI.A, VII.A: TDY outside is always out; a
 * detail or light or administrative duty is out unless the employee is
 * back by the last day of the rotation. */
static void test_rule_excluded(void **state) {
  (void)state;
  sb_day end = 1000;
  assert_false(sbs_rule_excluded(SBS_ACTIVE, false, 0, end));
  assert_true(sbs_rule_excluded(SBS_TDY_OUTSIDE, true, 10, end));
  assert_true(sbs_rule_excluded(SBS_DETAILED, false, 0, end));
  assert_false(sbs_rule_excluded(SBS_DETAILED, true, 1000, end)); /* on the day */
  assert_true(sbs_rule_excluded(SBS_LIGHT_DUTY, true, 1001, end));
  assert_false(sbs_rule_excluded(SBS_ADMIN_DUTY, true, 999, end));
}

/* NBPC2019.APPII.III.D.1-2: two years in the series by the rotation start
 * (2026-10-04), credit days counted. E1 started 2024-10-04 (exactly two
 * years), E2 2024-10-05 (a day short), E3 2024-10-05 with 1 credit day. */
static void test_rule_eligible(void **state) {
  (void)state;
  char *doc = station(
      "{\"id\":\"E1\",\"service\":{\"series_start\":\"2024-10-04\",\"usbp_start\":\"2024-10-04\",\"cbp_start\":\"2024-10-04\"}},"
      "{\"id\":\"E2\",\"service\":{\"series_start\":\"2024-10-05\",\"usbp_start\":\"2024-10-05\",\"cbp_start\":\"2024-10-05\"}},"
      "{\"id\":\"E3\",\"service\":{\"series_start\":\"2024-10-05\",\"usbp_start\":\"2024-10-05\",\"cbp_start\":\"2024-10-05\"},\"credit_days\":{\"series\":1}}",
      "{\"id\":\"DAY\"}", "", NULL);
  rig r;
  rig_open(&r, doc, RR);
  assert_true(sbs_rule_eligible(r.d, &r.p->emps[E(&r, "E1")]));
  assert_false(sbs_rule_eligible(r.d, &r.p->emps[E(&r, "E2")]));
  assert_true(sbs_rule_eligible(r.d, &r.p->emps[E(&r, "E3")]));
  rig_close(&r);
  free(doc);
}

/* A station for the room and agency rules: DAY max 2 with GS-12 max 1 and
 * min 1, SWING min 2 and max 3, MID without max. */
static char *room_station(void) {
  char *emps = join(3, emp("E1", 2010, "\"grade\":\"GS-12\""),
                    emp("E2", 2011, "\"grade\":\"GS-11\""),
                    emp("E3", 2012, "\"grade\":\"GS-12\""));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"max\":2,\"grades\":{\"GS-12\":{\"min\":1,\"max\":1}}},"
                      "{\"id\":\"SWING\",\"min\":2,\"max\":3},{\"id\":\"MID\"}",
                      "", NULL);
  free(emps);
  return doc;
}

/* NBPC2019.APPII.III.A, SPEC 3: room means below max and, when the shift
 * limits the grade, below the grade's max. With one GS-12 on DAY, DAY has
 * room for the GS-11 (1 of 2) but not for another GS-12 (1 of 1). */
static void test_rule_has_room(void **state) {
  (void)state;
  char *doc = room_station();
  rig r;
  rig_open(&r, doc, RR);
  sbs_tally *t = &r.st.t;
  uint32_t e1 = E(&r, "E1"), e2 = E(&r, "E2"), e3 = E(&r, "E3");
  assert_true(sbs_rule_has_room(r.d, t, e1, 0));
  t->cnt[0] = 1;
  t->gcnt[0][0] = 1;
  assert_true(sbs_rule_has_room(r.d, t, e2, 0));
  assert_false(sbs_rule_has_room(r.d, t, e3, 0));
  assert_false(sbs_rule_over_max(t, 0, 0));
  t->gcnt[0][0] = 2;
  assert_true(sbs_rule_over_max(t, 0, 0));
  assert_false(sbs_rule_over_max(t, 0, -1));
  t->cnt[2] = 1000000; /* MID has no max: always room */
  assert_true(sbs_rule_has_room(r.d, t, e1, 2));
  rig_close(&r);
  free(doc);
}

/* NBPC2019.APPII.IV.A.4, step 4: the unmet grade minimum of the
 * employee's grade first (DAY for a GS-12), then the unmet total minimum
 * (SWING), then the most room; SPEC 9: a shift without max has unlimited
 * room, so shifts without max tie and the first listed wins. */
static void test_rule_agency_order(void **state) {
  (void)state;
  char *doc = room_station();
  rig r;
  rig_open(&r, doc, RR);
  sbs_tally *t = &r.st.t;
  uint32_t e1 = E(&r, "E1"), e2 = E(&r, "E2");
  uint8_t tried[3] = {0};
  assert_int_equal(sbs_rule_agency_next(r.d, t, e1, -1, NULL), 0); /* grade min */
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, -1, NULL), 1); /* SWING min */
  tried[1] = 1;
  /* then the most room: MID (unlimited) before DAY (2 left) */
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, -1, tried), 2);
  tried[2] = 1;
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, -1, tried), 0);
  tried[0] = 1;
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, -1, tried), -1);
  /* SWING's minimum met: SWING (1 left of 3) ranks below MID */
  t->cnt[1] = 2;
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, -1, NULL), 2);
  assert_int_equal(sbs_rule_agency_next(r.d, t, e2, 2, NULL), 0); /* skip MID */
  rig_close(&r);
  /* two shifts without max tie whatever their counts: the first listed */
  char *emps = join(1, emp("E1", 2010, NULL));
  char *doc2 = station(emps, "{\"id\":\"A\",\"max\":5},{\"id\":\"B\"},{\"id\":\"C\"}",
                       "", NULL);
  free(emps);
  rig_open(&r, doc2, RR);
  r.st.t.cnt[1] = 7;
  assert_int_equal(sbs_rule_agency_next(r.d, &r.st.t, 0, -1, NULL), 1);
  rig_close(&r);
  free(doc2);
  free(doc);
}

/* NBPC2019.APPII.IV.A.4, III.D.1 (SPEC 3): why an employee reaches step 4;
 * NBPC2019.APPII.V.A.1-2: an SPP bidder has spp_denials (2) denials;
 * NBPC2019.APPII.V.A.1 (step 7): first choice resets the denials, any other
 * outcome adds one; SPEC 9: a shift listed twice ranks at its first place. */
static void test_rule_causes_spp_history_rank(void **state) {
  (void)state;
  char *emps = join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2012, NULL), emp("E4", 2026, NULL));
  char *doc = station(emps, "{\"id\":\"DAY\"},{\"id\":\"MID\"}",
                      "{\"employee\":\"E1\",\"prefs\":[\"MID\",\"DAY\",\"MID\"]},"
                      "{\"employee\":\"E2\",\"no_preference\":true},"
                      "{\"employee\":\"E4\",\"prefs\":[\"DAY\"]}",
                      "\"history\":{\"denials\":{\"E1\":2,\"E2\":5}}");
  free(emps);
  rig r;
  rig_open(&r, doc, RR);
  uint32_t e1 = E(&r, "E1"), e2 = E(&r, "E2"), e3 = E(&r, "E3"), e4 = E(&r, "E4");
  const sbs_sheet *s1 = sbs_sheet_of(r.d, e1);
  assert_int_equal(sbs_rule_agency_cause(r.d, e1, s1), SBS_C_PREFS_FULL);
  assert_int_equal(sbs_rule_agency_cause(r.d, e2, sbs_sheet_of(r.d, e2)),
                   SBS_C_NO_PREFERENCE);
  assert_int_equal(sbs_rule_agency_cause(r.d, e3, NULL), SBS_C_NO_BID);
  assert_int_equal(sbs_rule_agency_cause(r.d, e4, sbs_sheet_of(r.d, e4)),
                   SBS_C_INELIGIBLE);
  assert_true(sbs_rule_spp(r.d, e1));
  assert_false(sbs_rule_spp(r.d, e2)); /* no prefs: not a bidder */
  assert_int_equal(sbs_rule_new_denials(r.d, e1, s1, 1), 0);
  assert_int_equal(sbs_rule_new_denials(r.d, e1, s1, 0), 3);
  assert_int_equal(sbs_rule_new_denials(r.d, e1, s1, -1), 3);
  assert_int_equal(sbs_rule_rank(s1, 1), 1);
  assert_int_equal(sbs_rule_rank(s1, 0), 2);
  assert_int_equal(sbs_rule_rank(NULL, 0), 0);
  rig_close(&r);
  free(doc);
}

/* SPEC 3 step 6 and SPEC 9: the deficit of each shift and grade limit, and
 * the minimum places met: DAY min 3 with 1 (deficit 2, met 1), its GS-12
 * min 1 with 1 (met 1), SWING min 2 with 3 (met 2): 4 met. */
static void test_rule_unmet(void **state) {
  (void)state;
  char *emps = join(1, emp("E1", 2010, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"min\":3,\"grades\":{\"GS-12\":{\"min\":1}}},"
                      "{\"id\":\"SWING\",\"min\":2}",
                      "", NULL);
  free(emps);
  rig r;
  rig_open(&r, doc, RR);
  r.st.t.cnt[0] = 1;
  r.st.t.gcnt[0][0] = 1;
  r.st.t.cnt[1] = 3;
  assert_int_equal(sbs_rule_unmet(r.d, &r.st.t, 0, -1), 2);
  assert_int_equal(sbs_rule_unmet(r.d, &r.st.t, 0, 0), 0);
  assert_int_equal(sbs_rule_unmet(r.d, &r.st.t, 1, -1), 0);
  assert_int_equal(sbs_rule_minimums_met(r.d, &r.st.t), 4);
  rig_close(&r);
  free(doc);
}

/* The sequence driven one step at a time, as a session will (SPEC 10):
 * sbs_start (steps 1-2), one sbs_turn_bid per bidder in seniority order,
 * sbs_finish (steps 4-5) gives what sbs_decide gives; a sheet given on a
 * turn is used instead of the stored one, for steps 4-7 too. E1 (SPP)
 * gets DAY at the start; E2 bids MID live instead of DAY, gets it, and so
 * has rank 1 of the sheet that counts (denials 0); E3 answers "no
 * preference" live and is placed by the agency on MID (no max, the most
 * room), cause NO_PREFERENCE; bids_on_file keeps the live sheets. */
static void test_decide_turn_by_turn(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2012, NULL));
  char *doc = station(emps, "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\"}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E3\",\"prefs\":[\"DAY\"]}",
                      "\"history\":{\"denials\":{\"E1\":2}}");
  free(emps);
  for (int m = 0; m < 2; m++) {
    rig r;
    rig_open(&r, doc, m);
    uint32_t e1 = E(&r, "E1"), e2 = E(&r, "E2"), e3 = E(&r, "E3");
    assert_int_equal(sbs_start(&r.st), SENBID_OK);
    assert_int_equal(r.st.state[e1], SBS_PLACED);
    assert_int_equal(r.st.how[e1], SBS_SPP);
    assert_int_equal(r.st.state[e2], SBS_UNDECIDED);
    uint32_t live_prefs[1] = {1}, live_u[1] = {1};
    uint16_t live_rank[1] = {1};
    sbs_sheet live = {e2, false, 1, live_prefs, 1, live_u, live_rank};
    sbs_sheet nopref = {e3, true, 0, live_prefs, 0, live_u, live_rank};
    assert_int_equal(sbs_turn_bid(&r.st, e2, &live), SENBID_OK);
    assert_int_equal(sbs_turn_bid(&r.st, e3, &nopref), SENBID_OK);
    assert_int_equal(r.st.state[e3], SBS_UNDECIDED);
    assert_int_equal(sbs_finish(&r.st), SENBID_OK);
    assert_int_equal(r.st.shift_of[e2], 1);
    assert_int_equal(r.st.how[e2], SBS_SEN);
    assert_int_equal(r.st.shift_of[e3], 1);
    assert_int_equal(r.st.how[e3], SBS_AGENCY);
    assert_int_equal(r.st.cause[e3], SBS_C_NO_PREFERENCE);
    assert_int_equal(sbs_rule_new_denials(r.d, e2, sbs_state_sheet(&r.st, e2),
                                          r.st.shift_of[e2]),
                     0);
    sbs_write_result(&r.st);
    sb_buf_terminate(&r.o.body);
    assert_non_null(strstr(r.o.body.data, "\"no_preference\": true"));
    rig_close(&r);
    /* with the stored sheets, turn by turn equals the whole sequence */
    rig a, b;
    rig_open(&a, doc, m);
    rig_open(&b, doc, m);
    assert_int_equal(sbs_decide(&a.st), SENBID_OK);
    assert_int_equal(sbs_start(&b.st), SENBID_OK);
    for (uint32_t i = 0; i < b.p->nemps; i++) {
      uint32_t e = b.p->sen.order[i];
      if (b.st.state[e] == SBS_UNDECIDED && sbs_is_bidder(b.d, e))
        assert_int_equal(sbs_turn_bid(&b.st, e, sbs_sheet_of(b.d, e)), SENBID_OK);
    }
    assert_int_equal(sbs_finish(&b.st), SENBID_OK);
    for (uint32_t e = 0; e < a.p->nemps; e++) {
      assert_int_equal(a.st.shift_of[e], b.st.shift_of[e]);
      assert_int_equal(a.st.how[e], b.st.how[e]);
    }
    rig_close(&a);
    rig_close(&b);
  }
  free(doc);
}

/* The names rules.c writes are the registry's (lib/shiftbid/registry.def). */
static void test_names_registered(void **state) {
  (void)state;
  for (int i = SBS_MGMT; i <= SBS_BUMPED; i++)
    assert_non_null(sb_registry_find(SB_KIND_SHIFT_BID, SB_REG_REASON, sbs_how_name[i]));
  for (int i = SBS_C_INELIGIBLE; i <= SBS_C_BUMPED; i++)
    assert_non_null(sb_registry_find(SB_KIND_SHIFT_BID, SB_REG_REASON, sbs_cause_name[i]));
  for (int i = SBS_DETAILED; i <= SBS_TDY_OUTSIDE; i++)
    assert_non_null(sb_registry_find(SB_KIND_SHIFT_BID, SB_REG_REASON, sbs_excluded_name[i]));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rule_excluded),
      cmocka_unit_test(test_rule_eligible),
      cmocka_unit_test(test_rule_has_room),
      cmocka_unit_test(test_rule_agency_order),
      cmocka_unit_test(test_rule_causes_spp_history_rank),
      cmocka_unit_test(test_rule_unmet),
      cmocka_unit_test(test_decide_turn_by_turn),
      cmocka_unit_test(test_names_registered),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
