export default function Lesson() {
  return <view />;
}
