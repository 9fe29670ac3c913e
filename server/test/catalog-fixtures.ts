import { type ItemContent, itemContent } from "../modules/catalog/catalog.contract.js";

export const ORG = "01900000-0000-7000-8000-000000000001";
const POWER = "01900000-0000-7000-8000-000000000002";
const SAMPLE = "01900000-0000-7000-8000-000000000003";

/** A guide that passes every publication rule; tests change one element to see one rule fire. */
export function completeContent(overrides: Partial<ItemContent> = {}): ItemContent {
  return itemContent.parse({
    name: "教师资格认定（小学）",
    kind: "licensing",
    audiences: ["person"],
    topic: "教师",
    keywords: ["教师资格证"],
    powerId: POWER,
    legalBasis: "《教师资格条例》第十三条",
    conditions: "具备小学教师资格条件，普通话水平二级乙等以上。",
    materials: [
      {
        key: "id_card",
        name: "居民身份证",
        requirement: "required",
        form: "original",
        medium: "either",
        source: "government",
      },
    ],
    steps: ["受理", "审查", "决定", "制证", "送达"].map((name) => ({ name })),
    statutoryLimit: { days: 20, unit: "working" },
    promisedLimit: { days: 10, unit: "working" },
    visitsRequired: 0,
    onlineDepth: 4,
    place: "哈尔滨市南岗区政务服务中心 3 号窗口",
    hours: "工作日 8:30—17:00",
    consultationPhone: "0451-82345678",
    complaintPhone: "12345",
    resultName: "教师资格证书",
    resultSampleFileId: SAMPLE,
    form: [{ key: "school", label: "毕业学校", type: "text", required: true }],
    ...overrides,
  });
}
