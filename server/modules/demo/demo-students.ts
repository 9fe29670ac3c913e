import type { PersonalDataCipher } from "../../platform/crypto.js";
import type { OrgService } from "../orgs/index.js";
import type { StudentRecordInput, StudentsService } from "../students/index.js";
import { DEMO_APPLICANTS } from "./demo.seed.js";

const HLJU = ["黑龙江省教育厅", "黑龙江大学"];

type DemoStudent = Omit<StudentRecordInput, "orgId" | "orgPath" | "idNumberIndex" | "name"> & { phone: string };

/** 李华, an undergraduate in her second year, and 张明, a part-time master's student: both of 黑龙江大学. */
const DEMO_STUDENTS: DemoStudent[] = [
  {
    phone: "13800000002",
    gender: "女",
    studentNo: "20230512",
    college: "计算机与大数据学院",
    major: "计算机科学与技术",
    level: "本科",
    enrolledOn: "2023-09-01",
    lengthYears: 4,
    status: "在读",
    courses: [
      { term: "2023-2024学年第一学期", name: "高等数学（上）", credits: 5, score: "91" },
      { term: "2023-2024学年第一学期", name: "程序设计基础", credits: 4, score: "95" },
      { term: "2023-2024学年第一学期", name: "大学英语（一）", credits: 3, score: "86" },
      { term: "2023-2024学年第一学期", name: "思想道德与法治", credits: 3, score: "优秀" },
      { term: "2023-2024学年第二学期", name: "高等数学（下）", credits: 5, score: "88" },
      { term: "2023-2024学年第二学期", name: "离散数学", credits: 3, score: "90" },
      { term: "2023-2024学年第二学期", name: "数据结构", credits: 4, score: "93" },
      { term: "2024-2025学年第一学期", name: "计算机组成原理", credits: 4, score: "87" },
      { term: "2024-2025学年第一学期", name: "线性代数", credits: 3, score: "92" },
      { term: "2024-2025学年第二学期", name: "操作系统", credits: 4, score: "89" },
      { term: "2024-2025学年第二学期", name: "数据库系统原理", credits: 3, score: "94" },
    ],
  },
  {
    phone: "13800000001",
    gender: "男",
    studentNo: "2024M0307",
    college: "教育科学研究院",
    major: "教育管理",
    level: "硕士研究生",
    enrolledOn: "2024-09-01",
    lengthYears: 3,
    status: "在读",
    courses: [
      { term: "2024-2025学年第一学期", name: "教育管理学原理", credits: 3, score: "90" },
      { term: "2024-2025学年第一学期", name: "教育研究方法", credits: 3, score: "88" },
      { term: "2024-2025学年第二学期", name: "教育政策分析", credits: 2, score: "92" },
    ],
  },
];

/** The demo university's student records, as its student-records system would send them. */
export async function seedDemoStudents(deps: {
  orgs: OrgService;
  students: StudentsService;
  cipher: PersonalDataCipher;
}) {
  const university = await deps.orgs.findByNamePath(HLJU);
  if (!university) throw new Error("demo org missing: 黑龙江大学");
  const records = DEMO_STUDENTS.map(({ phone, ...student }) => {
    const applicant = DEMO_APPLICANTS.find((a) => a.phone === phone);
    if (applicant?.signUp.kind !== "person") throw new Error(`demo applicant missing: ${phone}`);
    return {
      ...student,
      orgId: university.id,
      orgPath: university.path,
      name: applicant.signUp.name,
      idNumberIndex: deps.cipher.blindIndex(applicant.signUp.idNumber),
    };
  });
  await deps.students.save(records);
}
