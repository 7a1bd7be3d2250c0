export default function Section() {
  return <view />;
}
