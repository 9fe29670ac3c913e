import { Card, Descriptions, Table, Typography } from "antd";
import { EXAM_LABELS, RESULT_KIND_LABELS } from "../../common/vocabulary";
import type { components } from "../api/schema";

export type ExamResult = components["schemas"]["ExamResult"];

/** One candidate's scores or admission, as the lookup page and 我的成绩 show it. */
export function ExamResultCard({ result }: { result: ExamResult }) {
  const { batch } = result;
  return (
    <Card
      className="block exam-result"
      title={batch.title}
      extra={
        <Typography.Text type="secondary">{`${EXAM_LABELS[batch.exam]} · ${RESULT_KIND_LABELS[batch.kind]}`}</Typography.Text>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" className="block">
        <Descriptions.Item label="姓名">{result.name}</Descriptions.Item>
        <Descriptions.Item label="准考证号">{result.examNumber}</Descriptions.Item>
      </Descriptions>
      {result.admission ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="录取院校">{result.admission.university}</Descriptions.Item>
          <Descriptions.Item label="录取专业">{result.admission.major}</Descriptions.Item>
          <Descriptions.Item label="录取批次">{result.admission.batch}</Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="subject"
            dataSource={result.scores}
            columns={[
              { title: "科目", dataIndex: "subject" },
              { title: "成绩", dataIndex: "score", align: "right" },
            ]}
          />
          {result.total !== null && (
            <div className="exam-total">
              总分 <strong>{result.total}</strong>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
