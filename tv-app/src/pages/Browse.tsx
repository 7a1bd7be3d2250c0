export default function Browse() {
  return <view />;
}
