import { describe, expect, it } from "vitest";
import { completeContent, ORG } from "../../test/catalog-fixtures.js";
import type { ItemContent } from "./catalog.contract.js";
import { checkPublication, differingFields, itemFigures, type PublicationContext } from "./catalog.rules.js";

const context: PublicationContext = {
  citedPower: { kind: "licensing", orgId: ORG },
  itemOrgId: ORG,
  isStandard: false,
  standard: null,
};
const fields = (content: ItemContent, ctx = context) => checkPublication(content, ctx).map((v) => v.field);

describe("publication rules", () => {
  it("pass a complete licensing item", () => {
    expect(checkPublication(completeContent(), context)).toEqual([]);
  });

  it("want 0 visits for a fully online item, and a reason for any visit", () => {
    expect(fields(completeContent({ visitsRequired: 1, visitsReason: "核验原件" }))).toEqual(["visitsRequired"]);
    expect(fields(completeContent({ onlineDepth: 3, visitsRequired: 1 }))).toEqual(["visitsReason"]);
  });

  it("want postal submission when no visit is needed but the item is not fully online", () => {
    expect(fields(completeContent({ onlineDepth: 3 }))).toEqual(["postalSubmission"]);
    expect(fields(completeContent({ onlineDepth: 3, postalSubmission: true }))).toEqual([]);
  });

  it("want a sample for a result and a basis for a fee", () => {
    expect(fields(completeContent({ resultSampleFileId: null }))).toEqual(["resultSampleFileId"]);
    expect(fields(completeContent({ fees: [{ name: "测试费", amountFen: 5000, basis: "" }] }))).toEqual([
      "fees.0.basis",
    ]);
  });

  it("want both phones, and different ones", () => {
    expect(fields(completeContent({ complaintPhone: "" }))).toEqual(["consultationPhone"]);
    expect(fields(completeContent({ complaintPhone: "0451-82345678" }))).toEqual(["complaintPhone"]);
  });

  it("want the five licensing steps in order", () => {
    const steps = ["受理", "决定", "审查", "制证", "送达"].map((name) => ({ name, description: "" }));
    expect(fields(completeContent({ steps }))).toEqual(["steps"]);
    const withExtra = ["受理", "审查", "现场核查", "决定", "制证", "送达"].map((name) => ({ name, description: "" }));
    expect(fields(completeContent({ steps: withExtra }))).toEqual([]);
  });

  it("keep the promised limit within the statutory one", () => {
    expect(fields(completeContent({ promisedLimit: { days: 25, unit: "working" } }))).toEqual(["promisedLimit"]);
    expect(fields(completeContent({ promisedLimit: { days: 5, unit: "calendar" } }))).toEqual(["promisedLimit"]);
  });

  it("want a power of the item's own org and kind (清单之外无权力)", () => {
    expect(fields(completeContent(), { ...context, citedPower: null })).toEqual(["powerId"]);
    expect(fields(completeContent(), { ...context, citedPower: { kind: "licensing", orgId: "other" } })).toEqual([
      "powerId",
    ]);
    expect(fields(completeContent(), { ...context, citedPower: { kind: "confirmation", orgId: ORG } })).toEqual([
      "powerId",
    ]);
  });

  it("want a commitment text in commitment mode, and reform modes only on licences", () => {
    expect(fields(completeContent({ reformMode: "commitment" }))).toEqual(["commitmentText"]);
    expect(
      fields(completeContent({ kind: "public_service", reformMode: "filing" }), {
        ...context,
        citedPower: { kind: "public_service", orgId: ORG },
      }),
    ).toEqual(["reformMode"]);
  });

  it("check situations that materials refer to", () => {
    const materials = [{ ...completeContent().materials[0], situationKeys: ["renew"] }] as ItemContent["materials"];
    expect(fields(completeContent({ materials }))).toEqual(["materials.0.situationKeys"]);
  });

  it("let a county copy differ from the province standard only in local fields (同事同标)", () => {
    const standard = completeContent({ powerId: null });
    const local = completeContent({ place: "道里区政务服务中心", hours: "工作日 9:00—17:00", windowStaff: "李明" });
    expect(fields(local, { ...context, standard })).toEqual([]);
    const drifted = completeContent({ conditions: "另加条件" });
    expect(fields(drifted, { ...context, standard })).toEqual(["conditions"]);
  });

  it("let a province standard cite no power, and no power of any org", () => {
    const template = { ...context, citedPower: null, isStandard: true };
    expect(fields(completeContent({ powerId: null }), template)).toEqual([]);
    expect(fields(completeContent(), template)).toEqual(["powerId"]);
  });
});

describe("figures and differences", () => {
  it("count days cut and materials cut against the previous version", () => {
    const previous = completeContent({
      materials: [
        ...completeContent().materials,
        { ...completeContent().materials[0], key: "diploma", name: "学历证书" } as ItemContent["materials"][number],
      ],
    });
    expect(itemFigures(completeContent(), previous)).toEqual({
      daysCut: 10,
      visitsRequired: 0,
      requiredMaterials: 1,
      materialsCut: 1,
    });
    expect(differingFields(previous, completeContent())).toEqual(["materials"]);
  });
});
