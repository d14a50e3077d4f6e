-- An encounter's coverages in payer order (1 primary, 2 secondary, 3 tertiary) and who the subscriber is: the patient
-- (relationship 18, no subscriber columns) or another person (837 loop 2010BA, the patient then in 2000C/2010CA).
-- encounter.payer_id and member_id stay the primary's, as other modules read them there.
CREATE TABLE encounter_coverage (
  encounter_id          BIGINT      NOT NULL,
  coverage_order        SMALLINT    NOT NULL,
  payer_id              VARCHAR(20) NOT NULL,
  member_id             VARCHAR(40),
  group_number          VARCHAR(50),
  relationship          VARCHAR(2)  NOT NULL,
  subscriber_last_name  VARCHAR(60),
  subscriber_first_name VARCHAR(35),
  subscriber_birth_date DATE,
  subscriber_sex        CHAR(1),
  subscriber_member_id  VARCHAR(40),
  subscriber_line1      VARCHAR(55),
  subscriber_line2      VARCHAR(55),
  subscriber_city       VARCHAR(30),
  subscriber_state      CHAR(2),
  subscriber_postal     VARCHAR(10),
  PRIMARY KEY (encounter_id, coverage_order)
);

-- The patient's phone, and the 837I's "required when" data intake now takes: admitting diagnosis (HI*ABJ, inpatient),
-- reasons for an unscheduled outpatient visit (HI*APR, up to three, comma-separated) and the discharge (DTP*096).
ALTER TABLE encounter ADD COLUMN patient_phone VARCHAR(10);
ALTER TABLE encounter ADD COLUMN admitting_diagnosis VARCHAR(8);
ALTER TABLE encounter ADD COLUMN reason_for_visit VARCHAR(30);
ALTER TABLE encounter ADD COLUMN discharged_at TIMESTAMP NULL;
