ALTER TABLE "notifications" DROP CONSTRAINT "notifications_case_id_cases_id_fk";
